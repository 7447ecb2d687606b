/*
 * document.h - links inside attached documents: PDF and OOXML (see document.c).
 */
#ifndef AMZ_DOCUMENT_H
#define AMZ_DOCUMENT_H

#include <glib.h>
#include "core/facts.h"
#include "extract/urls.h"

/* Bytes inflated per document, over all its streams or parts together. */
#define DOCUMENT_MAX_INFLATE (16 * 1024 * 1024)
/* Compressed PDF streams / OOXML relationship parts looked at per document. */
#define DOCUMENT_MAX_STREAMS 1000

/* document_links - the links inside a PDF or OOXML attachment (buf), to links */
void document_links(UrlsSink *links, Facts *f, const guint8 *buf, gsize len);
/* document_rels - the external targets of one OOXML relationships part
 * (x, n bytes of XML), to links with source "docx" */
void document_rels(UrlsSink *links, Facts *f, const char *x, gsize n);

#endif
