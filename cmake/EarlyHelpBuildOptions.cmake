# One INTERFACE target that every project target links: the language standard,
# warnings, Qt strictness defines and the optional sanitizer and hardening flags.
# Nothing here edits global CMAKE_*_FLAGS.

add_library(earlyhelp_build_options INTERFACE)
add_library(EarlyHelp::BuildOptions ALIAS earlyhelp_build_options)

target_compile_features(earlyhelp_build_options INTERFACE cxx_std_23)

target_compile_options(earlyhelp_build_options INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-align -Wformat=2 -Wimplicit-fallthrough)

target_compile_definitions(earlyhelp_build_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)

if(EARLYHELP_SANITIZERS)
    target_compile_options(earlyhelp_build_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(earlyhelp_build_options INTERFACE -fsanitize=address,undefined)
endif()

if(EARLYHELP_HARDENED)
    target_compile_definitions(earlyhelp_build_options INTERFACE
        _GLIBCXX_ASSERTIONS QT_FORCE_ASSERTS
        $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=3>)
    target_compile_options(earlyhelp_build_options INTERFACE -Werror -fstack-protector-strong)
endif()
