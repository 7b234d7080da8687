"""§12 scenarios 1 and 16: logins, tokens, headers, anonymous access."""

import json

import pytest
from mattermostdriver import Driver
from mattermostdriver.exceptions import NoAccessTokenProvided

from mattermost_helpers import account, bot, origin, person, raw


def test_token_login_sets_user_id_and_username():
    client = bot()
    me = client.users.get_user("me")
    assert isinstance(me, dict)
    assert client.client.userid == me["id"]
    assert client.client.username == "bridge-bot"
    assert me["is_bot"] is True


def test_bad_token_raises_no_access_token_provided():
    host, port = origin()
    client = Driver({"url": host, "port": port, "scheme": "http", "token": "notavalidtoken0000000000000"})
    with pytest.raises(NoAccessTokenProvided):
        client.login()


def test_password_login_uses_the_session_token_afterwards():
    client = person("mia")
    assert client.client.token and client.client.token != account("mia", "personal-access-token")
    assert client.users.get_user("me")["username"] == "mia"


def test_wrong_password_is_401():
    host, port = origin()
    client = Driver({"url": host, "port": port, "scheme": "http", "login_id": "mia", "password": "wrong"})
    with pytest.raises(NoAccessTokenProvided):
        client.login()


def test_bot_cannot_log_in_with_a_password():
    status, _, body = raw("POST", "/api/v4/users/login", body={"login_id": "bridge-bot", "password": "", "token": None})
    assert status in (400, 401)
    assert "id" in json.loads(body)


def test_personal_access_token_authenticates():
    client = Driver({"url": origin()[0], "port": origin()[1], "scheme": "http", "token": account("max", "personal-access-token")})
    assert client.login()["username"] == "max"


def test_every_response_has_exact_json_content_type_and_version_headers():
    status, headers, body = raw("GET", "/api/v4/users/me", token=account("bridge-bot", "bot"))
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert headers["X-Version-ID"]
    assert len(headers["X-Request-ID"]) == 26
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_get_with_an_empty_json_body_is_accepted():
    status, _, _ = raw("GET", "/api/v4/users/me", token=account("bridge-bot", "bot"), body={})
    assert status == 200


def test_no_token_is_401_with_the_app_error_shape():
    status, headers, body = raw("GET", "/api/v4/users/me")
    error = json.loads(body)
    assert status == 401
    assert headers["Content-Type"] == "application/json"
    assert error["id"] == "api.context.session_expired.app_error"
    assert error["status_code"] == 401
    assert len(error["request_id"]) == 26


@pytest.mark.parametrize("path", ["/api/v4/users/username/mia", "/api/v4/teams/name/skype", "/api/v4/channels/x"])
def test_no_token_is_401_everywhere(path):
    assert raw("GET", path)[0] == 401


def test_logout_without_a_token_is_200_with_version():
    status, headers, body = raw("POST", "/api/v4/users/logout")
    assert status == 200
    assert json.loads(body) == {"status": "OK"}
    assert headers["X-Version-ID"]


def test_ping_needs_no_token():
    status, _, body = raw("GET", "/api/v4/system/ping")
    assert status == 200 and json.loads(body)["status"] == "OK"


def test_logout_revokes_a_session():
    client = person("max")
    token = client.client.token
    client.logout()
    assert raw("GET", "/api/v4/users/me", token=token)[0] == 401


def test_token_authorization_prefix_and_cookie_are_accepted():
    token = account("bridge-bot", "bot")
    assert raw("GET", "/api/v4/users/me", headers={"Authorization": f"Token {token}"})[0] == 200
    assert raw("GET", "/api/v4/users/me", headers={"Authorization": f"bearer {token}"})[0] == 200
    assert raw("GET", "/api/v4/users/me", headers={"Cookie": f"MMAUTHTOKEN={token}"})[0] == 200
