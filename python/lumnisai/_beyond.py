"""The official SDK's calls beyond the Lumnis wire contract this package speaks: skills, MCP
servers, integrations, model preferences, external API keys, tenant settings, and the file
search, bulk and scope calls; and its model classes that only those calls use. They exist
here by name, so that code written for the official SDK fails with a
``NotImplementedYetError`` saying what is missing, not an AttributeError or ImportError.
"""

from __future__ import annotations

from .exceptions import NotImplementedYetError

# Read by mypy only: importing `typing` would cost every program that imports the package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, NoReturn

_COVERED = "this lumnisai package covers users, threads, responses and files, the calls of " \
    "the Lumnis wire contract"


def _refuse(what: str) -> NoReturn:
    raise NotImplementedYetError(f"{what} is not available here: {_COVERED}")


class Uncovered:
    """A resource of the official SDK that this package does not have: every call on it
    raises ``NotImplementedYetError``."""

    def __init__(self, name: str, area: str) -> None:
        self._name = name
        self._area = area

    def __getattr__(self, attr: str) -> NoReturn:
        if attr.startswith("_"):
            raise AttributeError(attr)
        _refuse(f"client.{self._name}.{attr} ({self._area})")

    def __repr__(self) -> str:
        return f"<{self._name}: not available in this lumnisai package>"


# The official client's calls and resources outside the contract, and what they are about.
CLIENT_CALLS: Dict[str, str] = {
    **dict.fromkeys(("create_skill", "get_skill", "list_skills", "update_skill",
                     "delete_skill"), "skills"),
    **dict.fromkeys(("create_mcp_server", "get_mcp_server", "list_mcp_servers",
                     "update_mcp_server", "delete_mcp_server", "test_mcp_server",
                     "list_mcp_server_tools"), "MCP servers"),
    **dict.fromkeys(("list_apps", "is_app_enabled", "set_app_enabled", "initiate_connection",
                     "get_connection_status", "wait_for_connection", "list_connections",
                     "get_integration_tools"), "integrations"),
    **dict.fromkeys(("get_model_preferences", "update_model_preferences"),
                    "model preferences"),
    **dict.fromkeys(("add_api_key", "get_api_key", "list_api_keys", "delete_api_key",
                     "get_api_key_mode", "set_api_key_mode"), "external API keys"),
    "search_files": "file search",
}
CLIENT_RESOURCES: Dict[str, str] = {
    "skills": "skills",
    "mcp_servers": "MCP servers",
    "integrations": "integrations",
    "model_preferences": "model preferences",
    "external_api_keys": "external API keys",
    "api_keys": "external API keys",
    "tenant": "tenant settings",
}
FILES_CALLS: Dict[str, str] = {
    "search": "file search",
    "bulk_upload": "bulk upload",
    "bulk_delete": "bulk delete",
    "update_scope": "changing a file's scope",
}


def _call(owner: str, name: str, area: str) -> Callable[..., NoReturn]:
    def call(self: Any, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse(f"{owner}.{name}() ({area})")

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"Not in this package ({area}): raises NotImplementedYetError."
    return call


def install_calls(cls: type, owner: str, calls: Dict[str, str]) -> None:
    """Gives `cls` a method per name of `calls` that raises ``NotImplementedYetError``."""
    for name, area in calls.items():
        _check_free(cls, name)
        setattr(cls, name, _call(owner, name, area))


def install_resources(cls: type) -> None:
    """Gives `cls` the official client's resources that this package does not have."""
    for name, area in CLIENT_RESOURCES.items():
        _check_free(cls, name)
        setattr(cls, name, Uncovered(name, area))


def _check_free(cls: type, name: str) -> None:
    # A name this package implements must never be replaced by its refusal.
    if hasattr(cls, name):
        raise TypeError(f"{cls.__name__}.{name} exists; it cannot be marked as not available")


def unavailable_model(name: str, area: str) -> Any:
    """A model class of the official SDK that this package does not have: it can be imported
    (and named in ``isinstance``), and building one raises ``NotImplementedYetError``."""
    what = f"lumnisai.models.{name} ({area})"

    def refuse(*args: Any, **kwargs: Any) -> NoReturn:
        _refuse(what)

    doc = f"Not in this package ({area}): building one raises NotImplementedYetError."
    namespace = {
        "__doc__": doc,
        "__module__": "lumnisai.models",
        "__new__": lambda cls, *args, **kwargs: refuse(),
        "model_validate": classmethod(lambda cls, *args, **kwargs: refuse()),
    }
    return type(name, (), namespace)
