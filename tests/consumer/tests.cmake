foreach(mode install subdirectory)
  add_test(NAME consumer.${mode}
           COMMAND ${CMAKE_COMMAND} -DMODE=${mode} -DWORK_DIR=${CMAKE_BINARY_DIR}/consumer
                   -DCONSUMER_DIR=${CMAKE_CURRENT_LIST_DIR} -DLINAL_SOURCE_DIR=${PROJECT_SOURCE_DIR}
                   -DLINAL_BINARY_DIR=${PROJECT_BINARY_DIR} -P ${CMAKE_CURRENT_LIST_DIR}/run.cmake)
  set_tests_properties(consumer.${mode} PROPERTIES TIMEOUT 300)
endforeach()
