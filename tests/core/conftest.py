import pytest
from django.db import connection

from tests.core.drill_server import Server, collect_static


@pytest.fixture
def fresh_database(tmp_path, transactional_db):
    """Settings for a new, empty database beside the test one; dropped afterwards."""
    live = connection.settings_dict
    if connection.vendor == "sqlite":
        yield {**live, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    name = f"{live['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**live, "NAME": name}
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """The static files as `collectstatic` makes them for production, once a session."""
    folder = tmp_path_factory.mktemp("collected-static")
    collect_static(folder)
    return folder


@pytest.fixture
def drill_server(tmp_path, transactional_db, production_static):
    """`coplan serve` with the production settings on the test database, stopped afterwards."""
    server = Server(tmp_path / "server", connection.settings_dict, production_static)
    server.folder.mkdir()
    try:
        yield server
    finally:
        server.stop()
