/*
 * css.h - the CSS an HTML part's visibility depends on (see css.c).
 */
#ifndef AMZ_CSS_H
#define AMZ_CSS_H

#include <glib.h>
#include "core/facts.h"

/* Properties that can hide an element, as bits. */
enum {
	CSS_DISPLAY = 0x01,
	CSS_VISIBILITY = 0x02,
	CSS_OPACITY = 0x04,
	CSS_FONT_SIZE = 0x08,
	CSS_MSO_HIDE = 0x10,
};

#define CSS_COLOR_NONE (-1)     /* not declared or not understood: inherit */

/* The rules of <style> sheets that set a hiding property. */
typedef struct Css Css;

/* One declaration: name and value with white space trimmed (name as written). */
typedef void (*CssDeclFn)(const char *name, const char *val, gpointer data);

/* css_declarations - each "name: value" of the declaration list s[0..n)
 * (a style attribute, or a rule's block without its braces) to fn, in order */
void css_declarations(const char *s, gsize n, CssDeclFn fn, gpointer data);
/* css_decl_hides - the CSS_* property a declaration sets (or'ed into *set),
 * returned when the value hides; 0 otherwise */
guint css_decl_hides(const char *name, const char *val, guint *set);
/* css_px - a length in pixels: "1", "1px", " 2 " -> n; "50%", "auto", "" -> -1 */
int css_px(const char *v, gsize n);
/* css_size - width and height set in a style attribute (left alone when
 * not set); 0x0 when it hides the element */
void css_size(const char *style, int *w, int *hgt);
/* css_color - a CSS / HTML colour value -> 0xRRGGBB; CSS_COLOR_NONE when
 * not understood or transparent */
gint32 css_color(const char *v);
/* css_same_color - too close for the eye to tell apart (FALSE when either is not a colour) */
gboolean css_same_color(gint32 a, gint32 b);

/* css_parse - the rules of the sheets that set a hiding property; NULL when
 * none; sheets is modified (comments blanked); transfer full */
Css *css_parse(GString *sheets, Facts *f);
/* css_free - NULL is fine */
void css_free(Css *c);
/* css_hidden - the CSS_* properties the sheets hide an element with, given
 * its lower-case tag name and its id and class attributes (NULL when absent) */
guint css_hidden(const Css *c, const char *name, const char *id, const char *cls);

#endif
