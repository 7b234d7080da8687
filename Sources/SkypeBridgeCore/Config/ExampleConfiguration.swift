/// A complete, commented example configuration, for the documentation and `config show --example`.
public enum ExampleConfiguration {
    /// The example as TOML text; it parses without errors and shows every section and key.
    public static let toml = #"""
    # skypebridge configuration.
    #
    # Default location: $XDG_CONFIG_HOME/skypebridge/config.toml (~/.config/skypebridge/config.toml);
    # override with --config PATH or SKYPEBRIDGE_CONFIG. Every key is optional unless marked
    # "required"; the values shown here are the defaults unless the comment says otherwise.
    #
    # Secrets are never written here. Name the environment variable (`*_env`) or the file
    # (`*_file`, mode 600) that holds them; "env:NAME" / "file:/path" where one string must say which.
    #
    # Durations: "500ms", "30s", "5m", "12h", "1d", "1h30m" or an integer number of seconds.
    # Sizes: "50MiB", "1KiB", "10MB", "512B" or an integer number of bytes.
    # Paths may start with "~/".

    [skype]
    # The account to sign in with: Skype name, e-mail address or phone number (no default).
    username = "live:bridge.bot"
    # Where the password is: an environment variable, or password_file = "~/.config/skypebridge/skype-password".
    password_env = "SKYPEBRIDGE_SKYPE_PASSWORD"
    # "auto" (pick by username, as skpy does), "soap" (Microsoft account) or "live" (web form).
    login_method = "auto"
    # Renew the Skype token this long before it expires (0s to 23h).
    token_refresh_margin = "1h"
    # How long one event poll may wait for events, and the limit for any other request.
    poll_timeout = "30s"
    request_timeout = "30s"
    # A proxy for Skype traffic: http://, https://, socks5:// or socks5h:// (none by default).
    # proxy = "socks5h://127.0.0.1:1080"
    # Trust these certificate authorities (PEM) instead of the system's (none by default).
    # ca_file = "/etc/ssl/private-ca.pem"
    # The service base URLs (skpy's SkypeConnection.API_* attributes). `skypebridge sandbox`
    # prints values that point them at the local emulators.
    login_url = "https://login.skype.com/login"
    msacc_url = "https://login.live.com"
    edge_url = "https://edge.skype.com/rps/v1/rps/skypetoken"
    api_url = "https://api.skype.com"
    contacts_url = "https://contacts.skype.com/contacts/v2"
    messaging_url = "https://client-s.gateway.messenger.live.com/v1"
    asm_url = "https://api.asm.skype.com/v1/objects"
    profile_url = "https://profile.skype.com/profile/v1"

    [mattermost]
    # The server (no default); the REST API is under /api/v4.
    url = "http://127.0.0.1:8065"
    # The event stream; derived from url when unset (ws:// for http, wss:// for https).
    # websocket_url = "ws://127.0.0.1:8065/api/v4/websocket"
    # The team (by name) that holds the bridged channels (no default).
    team = "skype"
    # A personal access or bot token, from an environment variable or token_file = "/path".
    token_env = "SKYPEBRIDGE_MATTERMOST_TOKEN"
    # Or a session login instead of a token (not together with token_env/token_file):
    # login_id = "bridge"
    # password_env = "SKYPEBRIDGE_MATTERMOST_PASSWORD"
    request_timeout = "30s"
    # proxy = "http://proxy.example.com:3128"
    # ca_file = "~/.config/skypebridge/mattermost-ca.pem"

    [bridge]
    # Create a Mattermost channel for a Skype chat when its first message arrives.
    auto_create_channels = true
    # Put before the names of the channels the bridge creates (lowercase a-z, 0-9, '-', '_').
    channel_prefix = "skype-"
    # The channel holding the post that lists every bridged chat.
    index_channel = "town-square"
    # How a Mattermost post appears on Skype, and a Skype message on Mattermost.
    # Placeholders: {sender} and {message} ({message} is required).
    skype_template = "[ {sender} ] {message}"
    mattermost_template = "{message}"
    # Relay messages the bridge's own Skype account typed on another Skype client.
    relay_own_messages = true
    # Accept every Skype contact request as it arrives.
    auto_accept_friends = false
    # Let @all, @channel and @here from Skype notify a whole Mattermost channel.
    allow_mass_mentions = false
    # Larger files are announced as links instead of being copied.
    max_file_size = "50MiB"
    # On shutdown, how long to wait for messages still being sent.
    drain_timeout = "10s"
    # Never relay messages from these senders (Skype or Mattermost user names; none by default).
    ignore_senders = ["echo123", "system-bot"]

    [bridge.mentions]
    # A Skype person (their id) and their Mattermost username: a mention of one becomes a
    # mention of the other, both ways. Unlisted people are mentioned as plain @Name.
    "8:alice" = "alice.smith"

    [http]
    # The local HTTP API for sending messages (and /metrics) during `bridge run`.
    enabled = false
    # host:port to listen on (port 1-65535); keep it on loopback unless a proxy guards it.
    listen = "127.0.0.1:8080"
    # Larger request bodies are refused.
    max_body_size = "1MiB"
    # Requests per minute allowed per API key (at least 1).
    rate_limit = 60
    # Serve Prometheus metrics at /metrics.
    metrics = true

    [http.keys]
    # Named API keys (none by default), each a reference: "env:NAME" or "file:/path". Clients
    # present the key itself; logs and metrics show only its name.
    ci = "env:SKYPEBRIDGE_API_KEY_CI"
    # ops = "file:~/.config/skypebridge/ops.key"

    [interfaces]
    # Defaults for every [interfaces.<name>] below, which may override any of them.
    # An interface is one Skype client API endpoint (the Skype Desktop API text protocol over a
    # local stream socket) signed in as one skype_user; several may share a user.
    #
    # What to do with a call that rings on an interface: "reject" or "answer".
    incoming_call_action = "reject"
    # Authorise every contact request the client receives.
    auto_accept_contacts = false
    # Send silence to the client while there is no audio to send, instead of nothing.
    write_silence_when_idle = true
    # Hang up an outgoing call that is not answered within this time (at least 1s).
    ring_timeout = "30s"
    # Emit an event for every chat message the client receives (else just mark it read).
    report_incoming_chat_messages = true
    # Keep the client's SILENT_MODE on: no sounds or pop-ups on the client's machine.
    silent_mode = false
    # Small socket buffers and TCP_NODELAY on call audio sockets.
    low_latency_audio = true
    # How long the client may take to accept the NAME / PROTOCOL handshake (at least 1s).
    attach_timeout = "10s"
    # The application name the client shows when asking whether to allow access.
    application_name = "skypebridge"
    # What the caller of an answered call hears: "silence", "tone:HZ", "pulse", "pulse:SOURCE"
    # or a WAV file path ("/…" or "~/…"; any common format, then silence when it ends).
    answer_play = "silence"
    # Where the caller's voice goes: a directory (one WAV per call, named
    # <interface>-call<id>-<UTC time>.wav), "pulse" or "pulse:SINK"; unset discards it.
    # An endpoint that cannot be opened is logged and the call goes on with silence.
    # answer_record = "~/.local/state/skypebridge/calls"

    # One table per interface; the name (a-z, 0-9, '_', '-') is how commands refer to it.
    # endpoint ("tcp://host:port" or "unix:/path") and skype_user are required, here or above.
    [interfaces.office]
    endpoint = "tcp://127.0.0.1:5001"
    skype_user = "alice.office"
    incoming_call_action = "answer"

    [interfaces.lab]
    endpoint = "unix:~/.local/state/skypebridge/lab.sock"
    skype_user = "lab.phone"
    ring_timeout = "45s"
    """#
}
