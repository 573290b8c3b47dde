#!/bin/sh
# pkgconfig.sh PREFIX LIBDIR SOURCE_DIR BUILD_DIR: builds the plain
# Makefile consumer (tests/cmake/plain) against an installed slotgen,
# through `pkg-config --cflags --libs slots`, and runs it.
set -eu
prefix=$1 libdir=$2 src=$3 build=$4
rm -rf "$build"
mkdir -p "$build"
cp "$src"/* "$build"/
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
pkg-config --exists --print-errors slots
make -C "$build" SLOTGEN="$prefix/bin/slotgen"
LD_LIBRARY_PATH="$prefix/$libdir" "$build/app"
