# Finds Qt HttpServer for earlyhelp-server.
#
# Debian 12's qt6-httpserver-dev (6.4.2) requires the CMake package of Qt
# WebSockets but does not depend on qt6-websockets-dev, which carries it, so
# find_package(Qt6 COMPONENTS HttpServer) fails without that package. The
# server uses no WebSockets API, so linking the shared library (installed with
# libqt6httpserver6) is enough: when the package is missing, it is defined here
# as an imported target and marked found. scripts/setup installs
# qt6-websockets-dev, which makes this unnecessary.

find_package(Qt6WebSockets 6.4 QUIET)
if(NOT Qt6WebSockets_FOUND)
    find_library(EARLYHELP_QT6_WEBSOCKETS_LIBRARY NAMES Qt6WebSockets libQt6WebSockets.so.6 REQUIRED)
    message(STATUS "Qt6WebSockets CMake package not found; linking ${EARLYHELP_QT6_WEBSOCKETS_LIBRARY}")
    add_library(Qt6::WebSockets SHARED IMPORTED)
    set_target_properties(Qt6::WebSockets PROPERTIES
        IMPORTED_LOCATION "${EARLYHELP_QT6_WEBSOCKETS_LIBRARY}"
        INTERFACE_LINK_LIBRARIES Qt6::Network)
    add_library(Qt::WebSockets ALIAS Qt6::WebSockets)
    add_library(Qt6::WebSocketsPrivate INTERFACE IMPORTED)
    add_library(Qt::WebSocketsPrivate ALIAS Qt6::WebSocketsPrivate)
    set(Qt6WebSockets_FOUND TRUE)
endif()

find_package(Qt6 6.4 REQUIRED COMPONENTS HttpServer)
