# The BIP-39 English word list, taken from Debian's python3-mnemonic at build time, checked
# against the SHA-256 of the official list (bitcoin/bips bip-0039/english.txt) and embedded in
# the wallet library as the resource :/icn/bip39/english.txt (loaded by Bip39.cpp).
set(ICN_BIP39_WORDLIST "/usr/lib/python3/dist-packages/mnemonic/wordlist/english.txt" CACHE FILEPATH
    "The BIP-39 English word list (Debian package python3-mnemonic)")
set(_icn_bip39_sha256 "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda")

if(NOT EXISTS "${ICN_BIP39_WORDLIST}")
    message(FATAL_ERROR "The BIP-39 word list ${ICN_BIP39_WORDLIST} is missing. "
        "Install the Debian package python3-mnemonic (scripts/deps.sh does), or point ICN_BIP39_WORDLIST at a copy "
        "of the official English list.")
endif()
file(SHA256 "${ICN_BIP39_WORDLIST}" _icn_bip39_actual)
if(NOT _icn_bip39_actual STREQUAL _icn_bip39_sha256)
    message(FATAL_ERROR "The BIP-39 word list ${ICN_BIP39_WORDLIST} is not the official English list: "
        "its SHA-256 is ${_icn_bip39_actual}, expected ${_icn_bip39_sha256}. Refusing to build a wallet "
        "whose recovery phrases would not be BIP-39.")
endif()

# configure_file makes CMake re-run (and re-check the hash) whenever the source file changes.
set(_icn_bip39_dir "${CMAKE_CURRENT_BINARY_DIR}/bip39")
configure_file("${ICN_BIP39_WORDLIST}" "${_icn_bip39_dir}/english.txt" COPYONLY)
qt_add_resources(wallet bip39_wordlist
    PREFIX /icn/bip39
    BASE "${_icn_bip39_dir}"
    FILES "${_icn_bip39_dir}/english.txt"
)
