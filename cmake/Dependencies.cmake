# Wraps the Debian-packaged dependencies in imported targets once, so the
# rest of the build says what it links, not where libraries live.
find_package(xapian REQUIRED CONFIG)
add_library(Xapian::Xapian INTERFACE IMPORTED)
set_target_properties(Xapian::Xapian PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")

find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(Snowball::stemmer INTERFACE IMPORTED)
set_target_properties(Snowball::stemmer PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${STEMMER_LIBRARY}")

find_package(ZLIB REQUIRED)
find_package(Boost REQUIRED COMPONENTS program_options)
find_package(nlohmann_json 3 REQUIRED)
find_package(Threads REQUIRED)
# The format layer: libxml2 (HTML and the ESDH XML exports, in recover mode)
# and poppler's C++ API (PDF text with fonts and positions).
find_package(LibXml2 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)

find_path(HTTPLIB_INCLUDE_DIR httplib.h REQUIRED)
find_library(HTTPLIB_LIBRARY cpp-httplib REQUIRED)
add_library(httplib::httplib INTERFACE IMPORTED)
set_target_properties(httplib::httplib PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${HTTPLIB_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${HTTPLIB_LIBRARY};Threads::Threads")

# tcmalloc (gperftools): Xapian's indexing and our document building are
# allocation-heavy (a std::map node per term and position list); glibc's
# malloc spent a third of the indexer's time. Not with the sanitizers, which
# bring their own allocator.
add_library(sagsoeg_malloc INTERFACE)
if(NOT SAGSOEG_SANITIZE AND NOT SAGSOEG_FUZZ)
  pkg_check_modules(TCMALLOC REQUIRED IMPORTED_TARGET libtcmalloc_minimal)
  target_link_libraries(sagsoeg_malloc INTERFACE PkgConfig::TCMALLOC)
endif()
