# packaging_lab_helper: installs the build into a temporary prefix (as the .deb lays it out, but
# elsewhere than /usr, so that a relocated prefix is what is checked) and runs `fieldguide lab
# --help` from there: the app must find its helper program fieldguide-lab where it was installed,
# in ${LIBEXEC_DIR} relative to the prefix, and run it.
# Run as: cmake -DBUILD_DIR=... -DLIBEXEC_DIR=... -DWORK_DIR=... -P check_lab_helper.cmake
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/usr
                RESULT_VARIABLE installed OUTPUT_QUIET ERROR_VARIABLE install_errors)
if(NOT installed EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${install_errors}")
endif()
set(helper ${WORK_DIR}/usr/${LIBEXEC_DIR}/fieldguide-lab)
if(NOT EXISTS ${helper})
    message(FATAL_ERROR "the helper program is not installed at ${helper}")
endif()
if(EXISTS ${WORK_DIR}/usr/bin/fieldguide-lab)
    message(FATAL_ERROR "fieldguide-lab is installed in bin: it is the app's, not a command")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=FIELDGUIDE_LAB_HELPER
                        ${WORK_DIR}/usr/bin/fieldguide lab --help
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE ${WORK_DIR})
if(NOT status EQUAL 0 OR NOT out MATCHES "Usage: fieldguide lab btree")
    message(FATAL_ERROR "the installed fieldguide did not run its helper (exit ${status}): ${err}")
endif()
