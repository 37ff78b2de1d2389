"""The parity scenario in Python (see README.md): the seed's user-management examples,
printing one line per step. Reads LUMNISAI_BASE_URL and LUMNISAI_API_KEY."""

import lumnisai
from lumnisai import NotFoundError, ValidationError


def name(value: "str | None") -> str:
    return value or ""


def main() -> None:
    client = lumnisai.Client()

    people = [
        ("alice@example.com", "Alice", "Johnson"),
        ("bob@example.com", "Bob", "Smith"),
        ("charlie@example.com", "Charlie", "Brown"),
    ]
    for email, first, last in people:
        user = client.create_user(email=email, first_name=first, last_name=last)
        print(f"Created: {user.email} {user.id}")

    again = client.create_user(email="ALICE@example.com", first_name="Other")
    print(f"Upsert again: {again.email} {again.id}")

    print(f"Total users: {client.list_users(page_size=100).total}")

    alice = client.for_user("alice@example.com")
    config = {"coordinator_model_name": "openai:gpt-4.1", "use_cognitive_tools": True}
    response = alice.invoke("What are the latest AI trends?", agent_config=config,
                            show_progress=False)
    print(f"Alice's response: {name(response.output_text)[:100]}... ({response.status})")

    threads = alice.list_threads()
    print(f"Alice has {len(threads.threads)} threads")

    updated = client.update_user("bob@example.com", first_name="Robert")
    print(f"Updated user: {name(updated.first_name)} {name(updated.last_name)}")

    user = client.get_user(updated.id)
    print(f"Retrieved by ID: {user.email} {user.id}")

    r1 = client.invoke("What's the weather like?", user_id="alice@example.com",
                       show_progress=False)
    r2 = client.invoke("What about tomorrow?", user_id="bob@example.com",
                       thread_id=r1.thread_id, show_progress=False)
    same = "true" if r1.thread_id == r2.thread_id else "false"
    print(f"Conversation: {r1.status} {r2.status} same thread: {same}")

    thread = client.get_thread(r1.thread_id)
    print(f"Thread: {name(thread.title)} ({thread.response_count} responses)")

    for resp in client.threads.get_responses(r1.thread_id):
        author = client.get_user(resp.user_id)
        print(f"{name(author.first_name)}: {name(resp.output_text)}")

    try:
        client.get_user("nonexistent@example.com")
    except NotFoundError:
        print("Not found: nonexistent@example.com")
        created = client.create_user(email="nonexistent@example.com", first_name="New",
                                     last_name="User")
        print(f"Created user: {created.email}")

    try:
        client.create_user(email="not-an-email")
    except ValidationError as err:
        print(f"Validation error: {err.kind}")

    client.delete_user("charlie@example.com")
    print(f"After delete: {client.list_users(page_size=100).total} users")
    print("Done")


if __name__ == "__main__":
    main()
