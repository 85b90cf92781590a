"""The roles, defined once: the three roles a protocol path is written for, and the profile
roles (those three plus ``trainer``). Standard library only: the command line's option
choices come from here without importing pydantic."""

from typing import Literal, get_args

__all__ = ["PROFILE_ROLES", "ROLES", "ProfileRole", "Role"]

Role = Literal["huisarts", "wijkagent", "professional"]
ProfileRole = Literal[Role, "trainer"]

ROLES: tuple[str, ...] = get_args(Role)
PROFILE_ROLES: tuple[str, ...] = (*ROLES, "trainer")
