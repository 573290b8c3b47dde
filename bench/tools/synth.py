"""synth.py: the synthetic schemas of workload 6.

    python3 synth.py N DIR      writes DIR/synth_N.yaml and DIR/synth_N.proto

N classes of 8 own slots each.  Every fifth class derives from the class
before it (a root), so inheritance is one level deep and a fifth of the
classes have 16 slots.  Slot types cycle through the schema's kinds, and
every tenth slot of the file is a strong reference to the class before
(class 0 refers to itself).  The .proto is the same model for protoc-c:
messages with the same fields, inheritance written as protobuf does it,
a first field `super` holding the base message (protobuf-c's own
struct already has a member named `base`), and char[8] as a string.
"""
import os
import sys

SCALARS = ["int32", "int64", "double", "bool", "uint16", "string", "float", "char[8]"]
PROTO = {"int32": "int32", "int64": "int64", "double": "double", "bool": "bool",
         "uint16": "uint32", "string": "string", "float": "float", "char[8]": "string"}
SLOTS_PER_CLASS = 8


def is_derived(i):
    return i % 5 == 4


def slots_of(i):
    """(name, schema type, referenced class or None) of class i's own slots."""
    prefix = "b" if is_derived(i) else "a"
    out = []
    for k in range(SLOTS_PER_CLASS):
        if (i * SLOTS_PER_CLASS + k) % 10 == 9:
            target = f"C{max(i - 1, 0)}"
            out.append((f"{prefix}{k}", target, target))
        else:
            out.append((f"{prefix}{k}", SCALARS[k], None))
    return out


def schema_text(n):
    lines = [f"# synth_{n}.yaml: {n} synthetic classes (bench/tools/synth.py).", "classes:"]
    for i in range(n):
        lines.append(f"  C{i}:")
        if is_derived(i):
            lines.append(f"    base: C{i - 1}")
        lines.append("    slots:")
        lines += [f"      {name}: {kind}" for name, kind, _ in slots_of(i)]
    return "\n".join(lines) + "\n"


def proto_text(n):
    lines = [f"// synth_{n}.proto: the model of synth_{n}.yaml for protoc-c.",
             'syntax = "proto3";', f"package synth{n};"]
    for i in range(n):
        lines.append(f"message C{i} {{")
        number = 1
        if is_derived(i):
            lines.append(f"  C{i - 1} super = {number};")
            number += 1
        for name, kind, target in slots_of(i):
            lines.append(f"  {target or PROTO[kind]} {name} = {number};")
            number += 1
        lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit():
        print("usage: synth.py N DIR", file=sys.stderr)
        return 2
    n, out_dir = int(argv[1]), argv[2]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, f"synth_{n}.yaml"), "w") as f:
        f.write(schema_text(n))
    with open(os.path.join(out_dir, f"synth_{n}.proto"), "w") as f:
        f.write(proto_text(n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
