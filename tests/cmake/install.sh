#!/bin/sh
# install.sh BUILD_DIR PREFIX LIBDIR: installs a built slotgen into PREFIX
# and checks the GNUInstallDirs layout, the shared library's SONAME and the
# package files.
set -eu
build=$1 prefix=$2 libdir=$3
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix"

status=0
for f in bin/slotgen include/slots/slots.h \
         "$libdir/libslots.a" "$libdir/libslots.so" "$libdir/libslots.so.0" \
         "$libdir/cmake/slotgen/slotgenConfig.cmake" \
         "$libdir/cmake/slotgen/slotgenConfigVersion.cmake" \
         "$libdir/cmake/slotgen/slotgenTargets.cmake" \
         "$libdir/cmake/slotgen/SlotgenGenerate.cmake" \
         "$libdir/pkgconfig/slots.pc" share/man/man1/slotgen.1; do
    if [ ! -e "$prefix/$f" ]; then
        echo "install.sh: missing $prefix/$f" >&2
        status=1
    fi
done
[ -x "$prefix/bin/slotgen" ] || { echo "install.sh: bin/slotgen not executable" >&2; status=1; }
soname=$(objdump -p "$prefix/$libdir/libslots.so" | awk '$1 == "SONAME" { print $2 }')
if [ "$soname" != "libslots.so.0" ]; then
    echo "install.sh: SONAME is '$soname', expected libslots.so.0" >&2
    status=1
fi
exit $status
