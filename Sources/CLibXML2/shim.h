// libxml2's HTML parser and tree API, for planq's HTML document reader.
#ifndef PLANQ_CLIBXML2_SHIM_H
#define PLANQ_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, and its encoding.h then includes ICU's headers, which clash
// with the copy of ICU inside Swift's Foundation. planq never touches the ICU converter fields
// (they sit in xmlCharEncodingHandler, only ever used through pointers), so ICU is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/parser.h>

// Silences libxml2's default error printing (to stderr) for parses of untrusted documents:
// errors are reported through the parse result instead.
static void planq_xml_silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

static inline void planq_xml_quiet(void) {
    xmlSetGenericErrorFunc(NULL, planq_xml_silent);
}

#endif
