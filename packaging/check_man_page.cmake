# ctest packaging_man_page: the man page documents the command line that `fieldguide --help`
# prints, and formats cleanly.
#   cmake -DFIELDGUIDE=<binary> -DMAN_PAGE=<fieldguide.1> [-DGROFF=<groff>] -P check_man_page.cmake
# Every command of the help (a line "  NAME ...") needs an entry ".B NAME ..." in the man page,
# every long option (--NAME) must appear as \-\-NAME, and groff must format it without warnings.
execute_process(COMMAND ${FIELDGUIDE} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR help STREQUAL "")
    message(FATAL_ERROR "${FIELDGUIDE} --help failed (exit status ${status})")
endif()
file(READ ${MAN_PAGE} man)

set(missing)
string(REGEX MATCHALL "\n  [a-z][a-z-]*" commands "\n${help}")
list(TRANSFORM commands STRIP)
list(REMOVE_DUPLICATES commands)
list(LENGTH commands count)
if(count LESS 5)
    message(FATAL_ERROR "found only ${count} commands in fieldguide --help: ${commands}")
endif()
foreach(command IN LISTS commands)
    if(NOT man MATCHES "\n\\.B ${command}( |\n)")
        list(APPEND missing "command ${command} (no \".B ${command}\" entry)")
    endif()
endforeach()

string(REGEX MATCHALL "--[a-z][a-z-]*" options "${help}")
list(REMOVE_DUPLICATES options)
foreach(option IN LISTS options)
    string(REPLACE "-" "\\-" escaped "${option}")
    string(FIND "${man}" "${escaped}" at)
    if(at EQUAL -1)
        list(APPEND missing "option ${option} (no \"${escaped}\")")
    endif()
endforeach()

# The limits the man page and docs/cli.md state are the code's: the work a scenario may ask for
# (engines/scenario/scenario_reader.h), written with thousands separators.
file(READ ${CMAKE_CURRENT_LIST_DIR}/../engines/scenario/scenario_reader.h reader)
file(READ ${CMAKE_CURRENT_LIST_DIR}/../docs/cli.md cli_md)
foreach(limit kMaxNarratedWork kMaxBulkWork)
    if(NOT reader MATCHES "${limit} = ([0-9']+);")
        message(FATAL_ERROR "scenario_reader.h has no ${limit}")
    endif()
    string(REPLACE "'" "," grouped "${CMAKE_MATCH_1}")
    string(REGEX MATCH "\n\\.SH LIMITS\n.*\n\\.SH ENVIRONMENT" man_limits "${man}")
    string(REGEX MATCH "\n## Limits\n.*\n## Environment" md_limits "${cli_md}")
    if(NOT man_limits MATCHES "at most ${grouped} ")
        list(APPEND missing "the LIMITS section's ${limit} (at most ${grouped})")
    endif()
    if(NOT md_limits MATCHES "at most ${grouped} ")
        list(APPEND missing "docs/cli.md's Limits: ${limit} (at most ${grouped})")
    endif()
endforeach()

if(missing)
    list(JOIN missing "\n  " missing)
    message(FATAL_ERROR "${MAN_PAGE} does not document what fieldguide --help prints:\n  ${missing}")
endif()
list(JOIN commands " " commands)
list(JOIN options " " options)
message(STATUS "the man page documents the commands ${commands} and the options ${options}")

if(GROFF)
    execute_process(COMMAND ${GROFF} -man -Tutf8 -ww -z ${MAN_PAGE}
                    ERROR_VARIABLE warnings RESULT_VARIABLE status)
    if(NOT status EQUAL 0 OR NOT warnings STREQUAL "")
        message(FATAL_ERROR "groff warns about ${MAN_PAGE} (exit status ${status}):\n${warnings}")
    endif()
endif()
