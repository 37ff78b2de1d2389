"""A sample program that mypy --strict checks against the package's annotations and stubs."""

import asyncio
from typing import List, Optional

import lumnisai
from lumnisai import AgentConfig, AsyncClient, Client, NotFoundError, Scope
from lumnisai.exceptions import LumnisAIError, RateLimitError


def sync_main(client: Client) -> Optional[str]:
    client.create_user(email="alice@example.com", first_name="Alice")
    alice = client.for_user("alice@example.com")
    config = AgentConfig(coordinator_model_name="openai:gpt-4.1", use_cognitive_tools=True)
    response = alice.invoke("What are the latest AI trends?", agent_config=config)
    entries: List[lumnisai.ProgressEntry] = list(
        client.invoke("hi", stream=True, user_id="alice@example.com", scope=Scope.USER)
    )
    print(len(entries))
    try:
        client.get_user("nobody@example.com")
    except NotFoundError as err:
        print(err.status_code, err.request_id, err.code)
    except RateLimitError as err:
        print(err.retry_after)
    except LumnisAIError as err:
        print(err.message, err.detail)
    text: Optional[str] = response.output_text
    return text


async def async_main(client: AsyncClient) -> int:
    user = await client.get_user("alice@example.com")
    print(user.id.hex, user.created_at.isoformat())
    count = 0
    async for _ in client.users.iter(page_size=100):
        count += 1
    return count


if __name__ == "__main__":
    print(sync_main(Client()))
    print(asyncio.run(async_main(AsyncClient())))
