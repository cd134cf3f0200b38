# Installs the headers and a package config so that other projects can write
#   find_package(linal CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE linal::linal)
include(CMakePackageConfigHelpers)

install(DIRECTORY include/linal DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS linal EXPORT linalTargets)
install(EXPORT linalTargets NAMESPACE linal:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/linal)

configure_package_config_file(cmake/linalConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/linalConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/linal)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/linalConfigVersion.cmake
  COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/linalConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/linalConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/linal)
