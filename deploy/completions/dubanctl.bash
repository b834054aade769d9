#!/bin/bash

__dubanctl_cursor_index_in_current_word() {
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
__dubanctl_offer_flags_options() {
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

__dubanctl_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__dubanctl_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_dubanctl() {
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

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __dubanctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    status|plans|tasks|milestones|show|watch|export|log|notifications|preview|plugins|board|ledger|report|score|notices|notice|ack|feedback|extend-request|approve|reject|submit|review|strike|pause|resume|done|reopen|waive|progress|reading|extend|start|reload|backup|check|due|workdays|calendar|import|help)
        # Offer subcommand argument completions
        "_dubanctl_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'status plans tasks milestones show watch export log notifications preview plugins board ledger report score notices notice ack feedback extend-request approve reject submit review strike pause resume done reopen waive progress reading extend start reload backup check due workdays calendar import help' -- "${cur}"))
        ;;
    esac
}

_dubanctl_status() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    esac
}

_dubanctl_plans() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    esac
}

_dubanctl_tasks() {
    repeating_flags=()
    non_repeating_flags=(--json --no-rollup --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --plan --org --kind --tag --state --limit)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--plan')
        return
        ;;
    '--org')
        return
        ;;
    '--kind')
        return
        ;;
    '--tag')
        return
        ;;
    '--state')
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_dubanctl_milestones() {
    repeating_flags=()
    non_repeating_flags=(--json --overdue --no-rollup --version -h --help)
    repeating_options=(--calendar-dir --plans)
    non_repeating_options=(--lang --config --socket --within --workdays --org --plan --kind --tag --state --from --through --limit --org-file)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--within')
        return
        ;;
    '--workdays')
        return
        ;;
    '--org')
        return
        ;;
    '--plan')
        return
        ;;
    '--kind')
        return
        ;;
    '--tag')
        return
        ;;
    '--state')
        return
        ;;
    '--from')
        return
        ;;
    '--through')
        return
        ;;
    '--limit')
        return
        ;;
    '--plans')
        return
        ;;
    '--org-file')
        return
        ;;
    esac
}

_dubanctl_show() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    esac
}

_dubanctl_watch() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --count)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--count')
        return
        ;;
    esac
}

_dubanctl_export() {
    repeating_flags=()
    non_repeating_flags=(--json --no-rollup --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --plan --org --from --through --state --output -o)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--plan')
        return
        ;;
    '--org')
        return
        ;;
    '--from')
        return
        ;;
    '--through')
        return
        ;;
    '--state')
        return
        ;;
    '--output'|'-o')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __dubanctl_add_completions -W 'ics'$'\n''csv'
        return
        ;;
    esac
}

_dubanctl_log() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --limit --before)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--limit')
        return
        ;;
    '--before')
        return
        ;;
    esac
}

_dubanctl_notifications() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --state --channel --limit --before)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--state')
        return
        ;;
    '--channel')
        return
        ;;
    '--limit')
        return
        ;;
    '--before')
        return
        ;;
    esac
}

_dubanctl_preview() {
    repeating_flags=()
    non_repeating_flags=(--json --body --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --date)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--date')
        return
        ;;
    esac
}

_dubanctl_plugins() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    esac
}

_dubanctl_board() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --org --plan --limit)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--org')
        return
        ;;
    '--plan')
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_dubanctl_ledger() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --plan --org --format --output -o)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--plan')
        return
        ;;
    '--org')
        return
        ;;
    '--format')
        __dubanctl_add_completions -W 'table'$'\n''csv'$'\n''xlsx'
        return
        ;;
    '--output'|'-o')
        return
        ;;
    esac
}

_dubanctl_report() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --period --plan)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--period')
        return
        ;;
    '--plan')
        return
        ;;
    esac
}

_dubanctl_score() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --period --plan)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--period')
        return
        ;;
    '--plan')
        return
        ;;
    esac
}

_dubanctl_notices() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --org --occurrence --limit)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--org')
        return
        ;;
    '--occurrence')
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_dubanctl_notice() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --format --output -o)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--format')
        __dubanctl_add_completions -W 'text'$'\n''markdown'$'\n''html'
        return
        ;;
    '--output'|'-o')
        return
        ;;
    esac
}

_dubanctl_ack() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_feedback() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note --evidence)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    '--evidence')
        return
        ;;
    esac
}

_dubanctl_extend-request() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note --workdays)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    '--workdays')
        return
        ;;
    esac
}

_dubanctl_approve() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_reject() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_submit() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note --evidence)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    '--evidence')
        return
        ;;
    esac
}

_dubanctl_review() {
    repeating_flags=()
    non_repeating_flags=(--json --pass --return --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_strike() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_pause() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_resume() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --expect --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--expect')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_done() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --note --evidence)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--note')
        return
        ;;
    '--evidence')
        return
        ;;
    esac
}

_dubanctl_reopen() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_waive() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --reason)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--reason')
        return
        ;;
    esac
}

_dubanctl_progress() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --on --note)
    __dubanctl_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--on')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_reading() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --on --note)
    __dubanctl_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--on')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_extend() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --workdays --reason --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--workdays')
        return
        ;;
    '--reason'|'--note')
        return
        ;;
    esac
}

_dubanctl_start() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id --on --org --reference --note)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    '--on')
        return
        ;;
    '--org')
        return
        ;;
    '--reference')
        return
        ;;
    '--note')
        return
        ;;
    esac
}

_dubanctl_reload() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    esac
}

_dubanctl_backup() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --socket --request-id)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--socket')
        return
        ;;
    '--request-id')
        return
        ;;
    esac
}

_dubanctl_check() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --org)
    __dubanctl_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--org')
        return
        ;;
    esac
}

_dubanctl_due() {
    repeating_flags=()
    non_repeating_flags=(--json --explain --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --roll --from)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--roll')
        __dubanctl_add_completions -W 'next'$'\n''previous'$'\n''none'
        return
        ;;
    '--from')
        return
        ;;
    esac
}

_dubanctl_workdays() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __dubanctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|between|list)
        # Offer subcommand argument completions
        "_dubanctl_workdays_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add between list' -- "${cur}"))
        ;;
    esac
}

_dubanctl_workdays_add() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config)
    __dubanctl_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    esac
}

_dubanctl_workdays_between() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config)
    __dubanctl_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    esac
}

_dubanctl_workdays_list() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    esac
}

_dubanctl_calendar() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __dubanctl_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    explain|show|years|import|terms)
        # Offer subcommand argument completions
        "_dubanctl_calendar_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'explain show years import terms' -- "${cur}"))
        ;;
    esac
}

_dubanctl_calendar_explain() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    esac
}

_dubanctl_calendar_show() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    esac
}

_dubanctl_calendar_years() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    esac
}

_dubanctl_calendar_import() {
    repeating_flags=()
    non_repeating_flags=(--json --force --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --output --year)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--output')
        return
        ;;
    '--year')
        return
        ;;
    esac
}

_dubanctl_calendar_terms() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config --plans --org-file --school-dir --org --year)
    __dubanctl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '--plans')
        return
        ;;
    '--org-file')
        return
        ;;
    '--school-dir')
        return
        ;;
    '--org')
        return
        ;;
    '--year')
        return
        ;;
    esac
}

_dubanctl_import() {
    repeating_flags=()
    non_repeating_flags=(--json --force --version -h --help)
    repeating_options=(--calendar-dir)
    non_repeating_options=(--lang --config -o --output --org --plan-id)
    __dubanctl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--lang')
        return
        ;;
    '--config')
        return
        ;;
    '--calendar-dir')
        return
        ;;
    '-o'|'--output')
        return
        ;;
    '--org')
        return
        ;;
    '--plan-id')
        return
        ;;
    esac
}

_dubanctl_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __dubanctl_offer_flags_options -1
}

complete -o filenames -F _dubanctl dubanctl
