/*
** gennames.c: collisions between generated names (see gennames.h).
*/
#include "gennames.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

/* "the constructor of class 'Point'", ... indexed by gen_role. */
static const char *const role_text[] = {
    [GEN_MODULE] = "the descriptor of module '%s'",
    [GEN_CLASS_LIST] = "the class list of module '%s'",
    [GEN_CLASS_INDEX] = "the class index of module '%s'",
    [GEN_STRUCT] = "the struct of class '%s'",
    [GEN_DESCRIPTOR] = "the descriptor of class '%s'",
    [GEN_CONSTRUCTOR] = "the constructor of class '%s'",
    [GEN_SLOT_TABLE] = "the slot table of class '%s'",
    [GEN_RELEASE_LIST] = "the release list of class '%s'",
    [GEN_SLOT_INDEX] = "the slot index of class '%s'",
    [GEN_GETTER] = "the getter of '%s.%s'",
    [GEN_SETTER] = "the setter of '%s.%s'",
    [GEN_DEFAULT] = "the default of '%s.%s'",
};

static void describe(buf *b, const gen_name *n)
{
    buf_printf(b, role_text[n->role], n->owner, n->slot);
}

/* Names are packed into blocks of this size (a longer one gets a block of
** its own). */
#define GENNAMES_BLOCK_SIZE ((size_t)64 * 1024)

struct gennames_block {
    gennames_block *next;   /* the block allocated before this one */
    char text[];
};

/* Room for `size` bytes of name text in g's blocks. */
static char *reserve(gennames *g, size_t size)
{
    gennames_block *b;
    size_t room;

    if (g->free && size <= (size_t)(g->end - g->free))
        return g->free;
    room = size > GENNAMES_BLOCK_SIZE ? size : GENNAMES_BLOCK_SIZE;
    b = xmalloc(offsetof(gennames_block, text) + room);
    b->next = g->blocks;
    g->blocks = b;
    g->free = b->text;
    g->end = b->text + room;
    return g->free;
}

/* "geo_Point_get_x" from {"geo", "Point", "get", "x"}: the parts joined
** by '_' in g's blocks, without printf (this runs for every slot of the
** run).  The name stays the blocks' last text until the next join, so a
** claim that fails can give its bytes back (unjoin). */
static const char *join(gennames *g, const char *const *parts, size_t n)
{
    size_t lens[4], size = 0, i;   /* a name has at most four parts */
    char *name, *p;

    for (i = 0; i < n; i++) {
        lens[i] = strlen(parts[i]);
        size += lens[i] + 1;    /* and its '_' or the final NUL */
    }
    name = p = reserve(g, size);
    for (i = 0; i < n; i++) {
        if (i > 0)
            *p++ = '_';
        memcpy(p, parts[i], lens[i]);
        p += lens[i];
    }
    *p = '\0';
    g->free = name + size;
    return name;
}

static void unjoin(gennames *g, const char *name)
{
    g->free = (char *)name;
}

/* Record `c`, whose name is the last join(); a second definition is an
** error at the later one, with a note at the first. */
static void claim(gennames *g, problems *out, gen_name c)
{
    size_t first;
    void *items;

    /* One probe: the key is c.name, which items[g->n] is about to own. */
    if (!strmap_put(&g->index, c.name, g->n, &first)) {
        buf now = BUF_INIT, before = BUF_INIT;
        describe(&now, &c);
        describe(&before, &g->items[first]);
        problems_add(out, c.at, "'%s', %s, is already %s", c.name, buf_str(&now),
                     buf_str(&before));
        problems_note(out, g->items[first].at, "'%s' first generated here", c.name);
        buf_free(&now);
        buf_free(&before);
        unjoin(g, c.name);
        return;
    }
    items = g->items;
    xgrow(&items, &g->cap, g->n + 1, sizeof(gen_name));
    g->items = items;
    g->items[g->n++] = c;
}

static void claim_module_name(gennames *g, problems *out, const m_schema *s, srcpos at,
                              const char *suffix, gen_role role)
{
    const char *parts[] = {s->module, suffix};
    gen_name c = {join(g, parts, 2), role, s->module, NULL, at};
    claim(g, out, c);
}

void gennames_claim_module(gennames *g, problems *out, const m_schema *s, srcpos module_at)
{
    claim_module_name(g, out, s, module_at, "module", GEN_MODULE);
    claim_module_name(g, out, s, module_at, "classes", GEN_CLASS_LIST);
    claim_module_name(g, out, s, module_at, "class_index", GEN_CLASS_INDEX);
}

/* M_C, or M_C_SUFFIX when suffix is not NULL. */
static void claim_class_name(gennames *g, problems *out, const m_schema *s, const m_class *c,
                             const char *suffix, gen_role role)
{
    const char *parts[] = {s->module, c->name, suffix};
    gen_name n = {join(g, parts, suffix ? 3 : 2), role, c->name, NULL, c->pos};
    claim(g, out, n);
}

/* M_C_get_S / M_C_set_S (verb first) or M_C_S_default (verb last). */
static void claim_slot_name(gennames *g, problems *out, const m_schema *s, const m_class *c,
                            const m_slot *sl, gen_role role)
{
    const char *verb = role == GEN_GETTER ? "get" : role == GEN_SETTER ? "set" : "default";
    const char *parts[4];
    gen_name n;

    parts[0] = s->module;
    parts[1] = c->name;
    parts[2] = role == GEN_DEFAULT ? sl->name : verb;
    parts[3] = role == GEN_DEFAULT ? verb : sl->name;
    n.name = join(g, parts, 4);
    n.role = role;
    n.owner = c->name;
    n.slot = sl->name;
    /* An inherited accessor is generated by the class, not the slot. */
    n.at = sl->owner == c ? sl->pos : c->pos;
    claim(g, out, n);
}

void gennames_claim_class(gennames *g, problems *out, const m_schema *s, const m_class *c)
{
    size_t i;

    claim_class_name(g, out, s, c, NULL, GEN_STRUCT);
    claim_class_name(g, out, s, c, "class", GEN_DESCRIPTOR);
    claim_class_name(g, out, s, c, "new", GEN_CONSTRUCTOR);
    claim_class_name(g, out, s, c, "slots", GEN_SLOT_TABLE);
    claim_class_name(g, out, s, c, "release", GEN_RELEASE_LIST);
    claim_class_name(g, out, s, c, "index", GEN_SLOT_INDEX);
    for (i = 0; i < c->nall; i++) {
        const m_slot *sl = c->all[i];
        claim_slot_name(g, out, s, c, sl, GEN_GETTER);
        if (!sl->readonly)
            claim_slot_name(g, out, s, c, sl, GEN_SETTER);
        if (sl->has_default)
            claim_slot_name(g, out, s, c, sl, GEN_DEFAULT);
    }
}

void gennames_free(gennames *g)
{
    gennames_block *b, *next;

    for (b = g->blocks; b; b = next) {
        next = b->next;
        free(b);
    }
    free(g->items);
    strmap_free(&g->index);
    memset(g, 0, sizeof *g);
}
