#!/bin/bash

__skypebridge_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__skypebridge_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__skypebridge_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__skypebridge_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_skypebridge() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=(--verbose -v)
    local -a non_repeating_flags=(--quiet -q --version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=(--config --state)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    login|send|listen|bridge|friends|channels|call|interfaces|config|sandbox|demo|help)
        # Offer subcommand argument completions
        "_skypebridge_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'login send listen bridge friends channels call interfaces config sandbox demo help' -- "${cur}"))
        ;;
    esac
}

_skypebridge_login() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --password-stdin --status --logout --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state --username --import-token-file --export-token-file)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    '--username')
        return
        ;;
    '--import-token-file')
        __skypebridge_add_completions -f
        return
        ;;
    '--export-token-file')
        __skypebridge_add_completions -f
        return
        ;;
    esac
}

_skypebridge_send() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --rich --html --me --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state --file --image)
    __skypebridge_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    '--file')
        __skypebridge_add_completions -f
        return
        ;;
    '--image')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(png|jpg|jpeg|gif|webp|bmp)'
        return
        ;;
    esac
}

_skypebridge_listen() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --interfaces --version -h --help)
    repeating_options=(--chat --type)
    non_repeating_options=(--config --state --format --count --timeout --since)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    '--format')
        __skypebridge_add_completions -W 'ndjson'$'\n''text'
        return
        ;;
    '--chat')
        return
        ;;
    '--type')
        return
        ;;
    '--count')
        return
        ;;
    '--timeout')
        return
        ;;
    '--since')
        return
        ;;
    esac
}

_skypebridge_bridge() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __skypebridge_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    run)
        # Offer subcommand argument completions
        "_skypebridge_bridge_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'run' -- "${cur}"))
        ;;
    esac
}

_skypebridge_bridge_run() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --http-only --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    esac
}

_skypebridge_friends() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __skypebridge_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    accept)
        # Offer subcommand argument completions
        "_skypebridge_friends_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'accept' -- "${cur}"))
        ;;
    esac
}

_skypebridge_friends_accept() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --all --list --version -h --help)
    repeating_options=(--decline)
    non_repeating_options=(--config --state)
    __skypebridge_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    '--decline')
        return
        ;;
    esac
}

_skypebridge_channels() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __skypebridge_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    sync)
        # Offer subcommand argument completions
        "_skypebridge_channels_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'sync' -- "${cur}"))
        ;;
    esac
}

_skypebridge_channels_sync() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state --index-channel)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    '--index-channel')
        return
        ;;
    esac
}

_skypebridge_call() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __skypebridge_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    originate)
        # Offer subcommand argument completions
        "_skypebridge_call_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'originate' -- "${cur}"))
        ;;
    esac
}

_skypebridge_call_originate() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --detect-dtmf --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state --interface --ring-timeout --duration --dtmf --audio --play --record --tone)
    __skypebridge_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    '--interface')
        return
        ;;
    '--ring-timeout')
        return
        ;;
    '--duration')
        return
        ;;
    '--dtmf')
        return
        ;;
    '--audio')
        return
        ;;
    '--play')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(wav)'
        return
        ;;
    '--record')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(wav)'
        return
        ;;
    '--tone')
        return
        ;;
    esac
}

_skypebridge_interfaces() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __skypebridge_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|reload|remove)
        # Offer subcommand argument completions
        "_skypebridge_interfaces_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list reload remove' -- "${cur}"))
        ;;
    esac
}

_skypebridge_interfaces_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --balances --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    esac
}

_skypebridge_interfaces_reload() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    esac
}

_skypebridge_interfaces_remove() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state)
    __skypebridge_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    esac
}

_skypebridge_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __skypebridge_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    check|show)
        # Offer subcommand argument completions
        "_skypebridge_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'check show' -- "${cur}"))
        ;;
    esac
}

_skypebridge_config_check() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    esac
}

_skypebridge_config_show() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --example --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    esac
}

_skypebridge_sandbox() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state --host --skype-port --mattermost-port --client-api-port --write-config --persist)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    '--host')
        return
        ;;
    '--skype-port')
        return
        ;;
    '--mattermost-port')
        return
        ;;
    '--client-api-port')
        return
        ;;
    '--write-config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--persist')
        __skypebridge_add_completions -f
        return
        ;;
    esac
}

_skypebridge_demo() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--quiet -q --interactive --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --state)
    __skypebridge_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __skypebridge_add_completions -o plusdirs -fX '!*.@(toml)'
        return
        ;;
    '--state')
        __skypebridge_add_completions -f
        return
        ;;
    esac
}

_skypebridge_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __skypebridge_offer_flags_options -1
}

complete -o filenames -F _skypebridge skypebridge
