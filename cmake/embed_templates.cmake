# Placeholder: writes an empty template table (replaced by the renderer work).
file(WRITE ${OUTPUT} "#include \"templates.h\"\nconst template_file templates_embedded[1] = {{0, 0, 0}};\nconst size_t templates_embedded_count = 0;\n")
