function __dubanctl_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __dubanctl_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __dubanctl_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __dubanctl_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __dubanctl_parse_tokens -S
    set -l unparsed_tokens (__dubanctl_tokens -pc)
    switch $unparsed_tokens[1]
    case 'dubanctl'
        __dubanctl_parse_subcommand 0 'h/help'
        switch $unparsed_tokens[1]
        case 'status'
            __dubanctl_parse_subcommand 0 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'h/help'
        case 'plans'
            __dubanctl_parse_subcommand 0 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'h/help'
        case 'tasks'
            __dubanctl_parse_subcommand 0 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'plan=' 'org=' 'no-rollup' 'kind=' 'tag=' 'state=' 'limit=' 'h/help'
        case 'milestones'
            __dubanctl_parse_subcommand 0 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'within=' 'workdays=' 'overdue' 'org=' 'no-rollup' 'plan=' 'kind=' 'tag=' 'state=' 'from=' 'through=' 'limit=' 'plans=+' 'org-file=' 'h/help'
        case 'show'
            __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'h/help'
        case 'watch'
            __dubanctl_parse_subcommand 0 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'count=' 'h/help'
        case 'export'
            __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'plan=' 'org=' 'no-rollup' 'from=' 'through=' 'state=' 'o/output=' 'h/help'
        case 'log'
            __dubanctl_parse_subcommand 0 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'limit=' 'before=' 'h/help'
        case 'done'
            __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'request-id=' 'note=' 'evidence=' 'h/help'
        case 'reopen'
            __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'request-id=' 'note=' 'h/help'
        case 'waive'
            __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'request-id=' 'reason=' 'h/help'
        case 'progress'
            __dubanctl_parse_subcommand 2 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'request-id=' 'on=' 'note=' 'h/help'
        case 'reading'
            __dubanctl_parse_subcommand 2 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'request-id=' 'on=' 'note=' 'h/help'
        case 'extend'
            __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'request-id=' 'workdays=' 'reason=' 'h/help'
        case 'start'
            __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'request-id=' 'on=' 'org=' 'reference=' 'note=' 'h/help'
        case 'reload'
            __dubanctl_parse_subcommand 0 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'request-id=' 'h/help'
        case 'backup'
            __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'socket=' 'request-id=' 'h/help'
        case 'check'
            __dubanctl_parse_subcommand -r 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'org=' 'h/help'
        case 'due'
            __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'roll=' 'from=' 'explain' 'h/help'
        case 'workdays'
            __dubanctl_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'add'
                __dubanctl_parse_subcommand 2 'lang=' 'json' 'config=' 'calendar-dir=+' 'h/help'
            case 'between'
                __dubanctl_parse_subcommand 2 'lang=' 'json' 'config=' 'calendar-dir=+' 'h/help'
            case 'list'
                __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'h/help'
            end
        case 'calendar'
            __dubanctl_parse_subcommand 0 'h/help'
            switch $unparsed_tokens[1]
            case 'explain'
                __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'h/help'
            case 'show'
                __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'h/help'
            case 'years'
                __dubanctl_parse_subcommand 0 'lang=' 'json' 'config=' 'calendar-dir=+' 'h/help'
            case 'import'
                __dubanctl_parse_subcommand 1 'lang=' 'json' 'config=' 'calendar-dir=+' 'output=' 'year=' 'force' 'h/help'
            case 'terms'
                __dubanctl_parse_subcommand 0 'lang=' 'json' 'config=' 'calendar-dir=+' 'plans=' 'org-file=' 'school-dir=' 'org=' 'year=' 'h/help'
            end
        case 'help'
            __dubanctl_parse_subcommand -r 1 
        end
    end
end

function __dubanctl_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __dubanctl_parse_subcommand -S -a positional_count
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

function __dubanctl_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __dubanctl_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__dubanctl_tokens -p)
    if test -z "$(__dubanctl_tokens -t)"
        set -l index (count (__dubanctl_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'dubanctl' -f
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'status' -d '守护进程状态。 The daemon\'s status.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'plans' -d '列出生效的计划。 List the plans in force.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'tasks' -d '列出任务及其节点情况。 List tasks and where their occurrences stand.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'milestones' -d '列出即将到期或已逾期的节点。 List upcoming or overdue milestones.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'show' -d '查看一个节点的详情与历史。 Show one occurrence with its history.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'watch' -d '实时查看守护进程发出的提醒、到期和逾期通知。 Follow reminders, due-day and overdue notices as they happen.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'export' -d '导出节点为 iCalendar 或 CSV。 Export milestones as iCalendar or CSV.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'log' -d '审计日志(最新在前):谁在何时改了什么。 The audit log, newest first: who changed what, when.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'done' -d '办结一个节点。 Mark an occurrence done (办结).'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'reopen' -d '重新打开一个已办结或已免除的节点。 Open an occurrence again.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'waive' -d '免除一个节点(须写明理由)。 Waive an occurrence (a reason is required).'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'progress' -d '记录定量任务的完成量,如 +30。 Record progress on a quota, e.g. +30.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'reading' -d '记录指标任务的读数。 Record a reading of a target\'s indicator.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'extend' -d '程序时限延期(不超过任务允许的工作日数)。 Extend a procedural deadline (within what the task allows).'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'start' -d '由事件启动程序时限任务(如收到依申请公开)。 Start a procedural task from an event (e.g. a request received).'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'reload' -d '重新加载计划(有错误时保留原计划)。 Reload plans (the old set stays on errors).'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'backup' -d '在线备份状态数据库。 Make a consistent online copy of the state database.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'check' -d '检查计划文件与组织机构文件。 Check plan files and the org directory.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'due' -d '解释时间表述,给出截止日期。 Interpret a time expression as a due date.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'workdays' -d '工作日计算(法定节假日与调休上班日)。 Working-day arithmetic (statutory holidays and make-up days).'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'calendar' -d '工作日历:解释某天、显示月历、导入国务院节假日通知。 The working-day calendar.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl status" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl status" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl status" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl status"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl status" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl plans" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl plans" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl plans" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl plans"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl plans" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl plans" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" plan' -l 'plan' -d '只列某计划的。 Only this plan.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" org' -l 'org' -d '只列某单位(含下级)承办的。 Only tasks of this unit (and units under it).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" no-rollup' -l 'no-rollup' -d '--org 只含该单位本身。 --org means that unit only.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" kind' -l 'kind' -d '任务类型:deadline recurring quota target procedural ongoing。 Task kind.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" tag' -l 'tag' -d '只列带此标签的。 Only tasks with this tag.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" state' -l 'state' -d 'all(默认)、open、overdue、closed。 Which tasks by their occurrences (default all).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" limit' -l 'limit' -d '最多列出条数(默认 100)。 Maximum rows (default 100).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl tasks" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" within' -l 'within' -d '时间范围,如 30d、8w、3m(默认 30d)。 Range: 30d, 8w, 3m (default 30d).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" workdays' -l 'workdays' -d '只列 N 个工作日内到期的。 Only those due within N working days.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" overdue' -l 'overdue' -d '只列已逾期未办结的。 Only open ones past their due date.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" org' -l 'org' -d '只列某单位的,含其下级单位(汇总)。 Only this unit, with the units under it (roll-up).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" no-rollup' -l 'no-rollup' -d '--org 只含该单位本身。 --org means that unit only.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" plan' -l 'plan' -d '只列某计划的。 Only this plan.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" kind' -l 'kind' -d '任务类型。 Task kind (deadline, recurring, quota, target, procedural, ongoing).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" tag' -l 'tag' -d '只列带此标签的。 Only tasks with this tag.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" state' -l 'state' -d 'open(默认)、done、waived、closed、all。 State (default open).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" from' -l 'from' -d '起始日期 YYYY-MM-DD(默认今天)。 First due date (default today).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" through' -l 'through' -d '截止日期 YYYY-MM-DD。 Last due date.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" limit' -l 'limit' -d '最多列出条数(默认 100)。 Maximum rows (default 100).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones"' -l 'plans' -d '离线模式:计划文件或目录。 Offline: plan files or directory.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" org-file' -l 'org-file' -d '离线模式:组织机构文件。 Offline: the org directory file.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl milestones" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl show" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl show" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl show" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl show"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl show" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl watch" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl watch" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl watch" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl watch"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl watch" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl watch" count' -l 'count' -d '收到 N 条后结束(供脚本使用)。 Stop after N notices (for scripts).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl watch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl export" -eq 1' -fka 'ics csv'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" plan' -l 'plan' -d '只导出某计划的。 Only this plan.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" org' -l 'org' -d '只导出某单位(含下级)的。 Only this unit (and units under it).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" no-rollup' -l 'no-rollup' -d '--org 只含该单位本身。 --org means that unit only.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" from' -l 'from' -d '起始日期 YYYY-MM-DD。 First due date.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" through' -l 'through' -d '截止日期 YYYY-MM-DD。 Last due date.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" state' -l 'state' -d 'open(默认)、done、waived、closed、all。 State (default open).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" o output' -l 'output' -s 'o' -d '写入文件(默认标准输出)。 Write to this file (default standard output).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl log" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl log" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl log" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl log"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl log" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl log" limit' -l 'limit' -d '最多列出条数(默认 50)。 Maximum lines (default 50).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl log" before' -l 'before' -d '只列编号小于此值的(向前翻页)。 Only lines older than this id (to page back).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl log" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl done" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl done" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl done" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl done"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl done" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl done" request-id' -l 'request-id' -d '请求编号(幂等键);同一编号重试只生效一次。默认自动生成。 Request id (idempotency key): a retry with the same id counts once. Generated when absent.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl done" note' -l 'note' -d '说明。 A note.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl done" evidence' -l 'evidence' -d '佐证(文号、链接)。 Evidence (a document number, a link).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl done" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reopen" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reopen" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reopen" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reopen"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reopen" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reopen" request-id' -l 'request-id' -d '请求编号(幂等键);同一编号重试只生效一次。默认自动生成。 Request id (idempotency key): a retry with the same id counts once. Generated when absent.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reopen" note' -l 'note' -d '说明。 A note.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reopen" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl waive" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl waive" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl waive" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl waive"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl waive" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl waive" request-id' -l 'request-id' -d '请求编号(幂等键);同一编号重试只生效一次。默认自动生成。 Request id (idempotency key): a retry with the same id counts once. Generated when absent.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl waive" reason' -l 'reason' -d '理由(必填)。 Reason (required).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl waive" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl progress" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl progress" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl progress" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl progress"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl progress" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl progress" request-id' -l 'request-id' -d '请求编号(幂等键);同一编号重试只生效一次。默认自动生成。 Request id (idempotency key): a retry with the same id counts once. Generated when absent.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl progress" on' -l 'on' -d '完成日期 YYYY-MM-DD(默认今天)。 Day of the work (default today).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl progress" note' -l 'note' -d '说明。 A note.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl progress" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reading" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reading" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reading" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reading"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reading" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reading" request-id' -l 'request-id' -d '请求编号(幂等键);同一编号重试只生效一次。默认自动生成。 Request id (idempotency key): a retry with the same id counts once. Generated when absent.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reading" on' -l 'on' -d '测量日期 YYYY-MM-DD(默认今天)。 Day measured (default today).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reading" note' -l 'note' -d '说明。 A note.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reading" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl extend" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl extend" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl extend" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl extend"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl extend" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl extend" request-id' -l 'request-id' -d '请求编号(幂等键);同一编号重试只生效一次。默认自动生成。 Request id (idempotency key): a retry with the same id counts once. Generated when absent.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl extend" workdays' -l 'workdays' -d '延长的工作日数。 Working days to add.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl extend" note reason' -l 'reason' -l 'note' -d '延期理由(必填)。 Reason (required).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl extend" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" request-id' -l 'request-id' -d '请求编号(幂等键);同一编号重试只生效一次。默认自动生成。 Request id (idempotency key): a retry with the same id counts once. Generated when absent.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" on' -l 'on' -d '事件日期 YYYY-MM-DD(如收到申请之日)。 The event\'s date.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" org' -l 'org' -d '承办单位。 The unit.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" reference' -l 'reference' -d '案号或申请编号(用于节点编号)。 A case or request number (makes the occurrence id).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" note' -l 'note' -d '说明。 A note.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl start" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reload" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reload" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reload" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reload"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reload" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reload" request-id' -l 'request-id' -d '请求编号(幂等键);同一编号重试只生效一次。默认自动生成。 Request id (idempotency key): a retry with the same id counts once. Generated when absent.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl reload" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl backup" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl backup" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl backup" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl backup"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl backup" socket' -l 'socket' -d '控制套接字(默认取自 --config 的 socket,否则 /run/duban/control.sock)。 Control socket (default: the config\'s `socket`, else /run/duban/control.sock).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl backup" request-id' -l 'request-id' -d '请求编号(幂等键);同一编号重试只生效一次。默认自动生成。 Request id (idempotency key): a retry with the same id counts once. Generated when absent.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl backup" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl check" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl check" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl check" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl check"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl check" org' -l 'org' -d '组织机构文件(默认在目录中寻找 org.yaml)。 Org directory file (default: org.yaml nearby).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl due" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl due" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl due" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl due"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl due" roll' -l 'roll' -d '截止日遇非工作日时的顺延规则:next、previous 或 none(默认 next)。 Roll rule.' -rfka 'next previous none'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl due" from' -l 'from' -d '事件日期(程序时限从此日起算),如收到申请之日。 Event date a limit counts from.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl due" explain' -l 'explain' -d '逐日说明工作日的计算。 Explain the working-day count day by day.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl due" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl workdays" -eq 1' -fa 'add' -d '日期加 N 个工作日(N 可为负)。 The N-th working day after DATE (before, if N < 0).'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl workdays" -eq 1' -fa 'between' -d '两日期之间(含首尾)的工作日数。 Working days from A through B, both included.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl workdays" -eq 1' -fa 'list' -d '列出某月每一天是否上班及原因。 List a month\'s days: working or not, and why.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays add" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays add" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays add" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays add"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays add" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays between" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays between" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays between" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays between"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays between" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays list" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays list" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays list" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays list"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl workdays list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl calendar" -eq 1' -fa 'explain' -d '说明某天是否上班及原因。 Say whether a date is a working day, and why.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl calendar" -eq 1' -fa 'show' -d '显示月历,标出节假日与调休上班日。 Show a month grid with holidays and make-up days marked.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl calendar" -eq 1' -fa 'years' -d '列出已有节假日数据的年份及来源。 List the years with holiday data and their sources.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl calendar" -eq 1' -fa 'import' -d '读取国务院办公厅节假日安排通知,生成年度节假日数据文件。 Import the State Council\'s holiday notice.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_positional "dubanctl calendar" -eq 1' -fa 'terms' -d '显示某机构适用的校历:学期、考试周、寒暑假。 Show the school terms, exams and breaks a unit follows.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar explain" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar explain" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar explain" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar explain"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar explain" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar show" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar show" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar show" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar show"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar years" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar years" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar years" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar years"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar years" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar import" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar import" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar import" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar import"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar import" output' -l 'output' -d '写入的节假日数据目录。 Directory to write the year file into.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar import" year' -l 'year' -d '年份(通知标题未写明时)。 The year, when the title does not say it.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar import" force' -l 'force' -d '覆盖已有文件。 Overwrite an existing file.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms" lang' -l 'lang' -d '输出语言:zh 或 en(默认随 LANG)。 Output language: zh or en (default from LANG).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms" json' -l 'json' -d '以 JSON 输出,供脚本使用。 Print JSON for scripts.'
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms" config' -l 'config' -d '配置文件(约定、时区、路径)。 Configuration file (conventions, time zone, paths).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms"' -l 'calendar-dir' -d '附加的节假日数据目录(可多次指定)。 Extra holiday data directory (repeatable).' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms" plans' -l 'plans' -d '计划目录(含 org.yaml、school-calendars/)。 Plan directory.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms" org-file' -l 'org-file' -d '组织机构文件。 Org directory file.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms" school-dir' -l 'school-dir' -d '校历目录。 School calendar directory.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms" org' -l 'org' -d '机构编号。 Org unit id.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms" year' -l 'year' -d '只显示某年开始的学期(默认全部)。 Only terms starting in this year.' -rfka ''
complete -c 'dubanctl' -n '__dubanctl_should_offer_completions_for_flags_or_options "dubanctl calendar terms" h help' -s 'h' -l 'help' -d 'Show help information.'
