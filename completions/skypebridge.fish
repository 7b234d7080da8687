function __skypebridge_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __skypebridge_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __skypebridge_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __skypebridge_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __skypebridge_parse_tokens -S
    set -l unparsed_tokens (__skypebridge_tokens -pc)
    switch $unparsed_tokens[1]
    case 'skypebridge'
        __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'login'
            __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'username=' 'password-stdin' 'status' 'logout' 'import-token-file=' 'export-token-file=' 'version' 'h/help'
        case 'send'
            __skypebridge_parse_subcommand -r 2 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'rich' 'html' 'me' 'file=' 'image=' 'version' 'h/help'
        case 'listen'
            __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'format=' 'chat=+' 'type=+' 'count=' 'timeout=' 'since=' 'interfaces' 'version' 'h/help'
        case 'bridge'
            __skypebridge_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'run'
                __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'http-only' 'version' 'h/help'
            end
        case 'friends'
            __skypebridge_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'accept'
                __skypebridge_parse_subcommand -r 1 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'all' 'list' 'decline=+' 'version' 'h/help'
            end
        case 'channels'
            __skypebridge_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'sync'
                __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'dry-run' 'index-channel=' 'version' 'h/help'
            end
        case 'call'
            __skypebridge_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'originate'
                __skypebridge_parse_subcommand 1 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'interface=' 'ring-timeout=' 'duration=' 'dtmf=' 'audio=' 'play=' 'record=' 'tone=' 'detect-dtmf' 'version' 'h/help'
            end
        case 'interfaces'
            __skypebridge_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'balances' 'version' 'h/help'
            case 'reload'
                __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'version' 'h/help'
            case 'remove'
                __skypebridge_parse_subcommand 1 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'version' 'h/help'
            end
        case 'config'
            __skypebridge_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'check'
                __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'version' 'h/help'
            case 'show'
                __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'example' 'version' 'h/help'
            end
        case 'sandbox'
            __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'json' 'host=' 'skype-port=' 'mattermost-port=' 'client-api-port=' 'write-config=' 'persist=' 'version' 'h/help'
        case 'demo'
            __skypebridge_parse_subcommand 0 'config=' 'state=' 'v/verbose' 'q/quiet' 'interactive' 'version' 'h/help'
        case 'help'
            __skypebridge_parse_subcommand -r 1 'version'
        end
    end
end

function __skypebridge_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __skypebridge_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __skypebridge_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __skypebridge_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__skypebridge_tokens -p)
    if test -z "$(__skypebridge_tokens -t)"
        set -l index (count (__skypebridge_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'skypebridge' -f
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'login' -d 'Sign in to Skype and cache the tokens.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'send' -d 'Send one message to a Skype chat or contact.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'listen' -d 'Stream incoming Skype events as NDJSON or text.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'bridge' -d 'Run the bridge between Skype and Mattermost.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'friends' -d 'Manage Skype contact requests.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'channels' -d 'Manage the Mattermost channels that mirror Skype chats.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'call' -d 'Place calls through Skype client API interfaces.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'interfaces' -d 'List, reload and remove Skype client API interfaces.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'config' -d 'Check or show the configuration.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'sandbox' -d 'Run local emulators of Skype and Mattermost for tests and demos.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'demo' -d 'Run the sandbox, the bridge and a scripted conversation, printed live.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" username' -l 'username' -d 'Skype account (default: [skype] username in the config).' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" password-stdin' -l 'password-stdin' -d 'Read the password from the first line of stdin.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" status' -l 'status' -d 'Show the cached account, token expiry and messaging host; no sign-in.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" logout' -l 'logout' -d 'Forget the cached tokens of the account.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" import-token-file' -l 'import-token-file' -d 'Import a skpy token file (six lines) instead of signing in.' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" export-token-file' -l 'export-token-file' -d 'Write the cached tokens as a skpy token file (mode 0600).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge login" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" rich' -l 'rich' -d 'Treat the text as Markdown-style input and send Skype rich text.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" html' -l 'html' -d 'Send the text as raw Skype RichText (HTML-like markup).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" me' -l 'me' -d 'Send an emote (/me).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" file' -l 'file' -d 'Send a file.' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" image' -l 'image' -d 'Send a picture (PNG, JPEG, GIF, WebP or BMP, judged by its bytes).' -rfa '(set -l exts \'png\' \'jpg\' \'jpeg\' \'gif\' \'webp\' \'bmp\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge send" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" format' -l 'format' -d 'Output format.' -rfka 'ndjson text'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen"' -l 'chat' -d 'Only events of this chat (repeatable).' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen"' -l 'type' -d 'Only events of this type: message, edit, delete, typing, contact, presence, thread; with --interfaces incoming-call, call-status, dtmf, call-end, chat, contact (repeatable).' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" count' -l 'count' -d 'Stop after this many events.' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" timeout' -l 'timeout' -d 'Stop after this long, e.g. 30s, 10m.' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" since' -l 'since' -d 'First print the history of this period, e.g. 1h.' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" interfaces' -l 'interfaces' -d 'Report calls, chats and contact requests received on the Skype client API interfaces instead.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge listen" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge bridge" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge bridge" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge bridge" -eq 1' -fa 'run' -d 'Relay messages between Skype and Mattermost until stopped.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge bridge run" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge bridge run" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge bridge run"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge bridge run" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge bridge run" http-only' -l 'http-only' -d 'Serve only the HTTP send API (with the bridge\'s login), no relay.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge bridge run" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge bridge run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge friends" -eq 1' -fa 'accept' -d 'List, accept or decline pending contact requests.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept" all' -l 'all' -d 'Accept every pending request.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept" list' -l 'list' -d 'Only list pending requests.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept"' -l 'decline' -d 'Users whose requests to decline.' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge friends accept" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge channels" -eq 1' -fa 'sync' -d 'Make a Mattermost channel for every Skype chat and update the index post.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels sync" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels sync" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels sync"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels sync" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels sync" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels sync" dry-run' -l 'dry-run' -d 'Show what would change without changing anything.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels sync" index-channel' -l 'index-channel' -d 'Channel for the index post (default: [bridge] index_channel).' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels sync" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge channels sync" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge call" -eq 1' -fa 'originate' -d 'Place a call through an interface and move its audio.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" interface' -l 'interface' -d 'Interface name, or RR for round robin.' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" ring-timeout' -l 'ring-timeout' -d 'Give up if not answered within this time: seconds or e.g. 30s (default: the interface\'s ring_timeout).' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" duration' -l 'duration' -d 'Hang up after this long once answered: seconds or e.g. 2m.' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" dtmf' -l 'dtmf' -d 'DTMF digits to send once answered (0-9 * #).' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" audio' -l 'audio' -d 'PulseAudio devices: pulse or pulse:SOURCE,SINK.' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" play' -l 'play' -d 'Play a WAV file into the call, or raw PCM from stdin with \'-\'.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'wav\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" record' -l 'record' -d 'Record the remote audio to a WAV file, or raw PCM to stdout with \'-\'.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'wav\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" tone' -l 'tone' -d 'Play a sine tone of this frequency.' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" detect-dtmf' -l 'detect-dtmf' -d 'Detect in-band DTMF digits in the received audio and report them.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge call originate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge interfaces" -eq 1' -fa 'list' -d 'Show every interface with its state, counters and current call.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge interfaces" -eq 1' -fa 'reload' -d 'Re-read the config and add new interfaces.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge interfaces" -eq 1' -fa 'remove' -d 'Remove an idle interface.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces list" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces list" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces list"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces list" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces list" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces list" balances' -l 'balances' -d 'Also show each account\'s SkypeOut balance.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces list" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces reload" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces reload" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces reload"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces reload" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces reload" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces reload" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces reload" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces remove" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces remove" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces remove"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces remove" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces remove" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces remove" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge interfaces remove" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge config" -eq 1' -fa 'check' -d 'Validate the configuration file.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_positional "skypebridge config" -eq 1' -fa 'show' -d 'Print the effective configuration with defaults, secrets redacted.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config check" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config check" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config check"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config check" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config check" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config check" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config show" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config show" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config show"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config show" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config show" example' -l 'example' -d 'Print a commented example configuration instead.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config show" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge config show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" json' -l 'json' -d 'Print JSON for scripts (NDJSON, one object per line, for streams).'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" host' -l 'host' -d 'Address to bind.' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" skype-port' -l 'skype-port' -d 'Port of the Skype web emulator (0 = any free port).' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" mattermost-port' -l 'mattermost-port' -d 'Port of the Mattermost emulator (0 = any free port).' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" client-api-port' -l 'client-api-port' -d 'Port of the Skype client API emulator (0 = any free port).' -rfka ''
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" write-config' -l 'write-config' -d 'Write a ready-to-use config file here.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" persist' -l 'persist' -d 'Keep the emulators\' state in this file across restarts.' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge sandbox" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge demo" config' -l 'config' -d 'Configuration file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'toml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge demo" state' -l 'state' -d 'State database (tokens, links, outbox).' -rF
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge demo"' -l 'verbose' -s 'v' -d 'Log more to stderr: -v info, -vv debug.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge demo" q quiet' -l 'quiet' -s 'q' -d 'Log only errors to stderr.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge demo" interactive' -l 'interactive' -d 'After the script, keep running and let a person type as a Skype or Mattermost user.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge demo" version' -l 'version' -d 'Show the version.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge demo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'skypebridge' -n '__skypebridge_should_offer_completions_for_flags_or_options "skypebridge help" version' -l 'version' -d 'Show the version.'
