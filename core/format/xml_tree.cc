#include "format/xml_tree.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <mutex>

#include "io/input_error.h"
#include "util/utf8.h"

namespace sagsoeg {

namespace {

void ignore_generic_error(void*, const char*, ...) {}
void ignore_structured_error(void*, xmlErrorPtr) {}

// libxml2 wants one initialisation before threads use it, and prints its
// complaints about broken input to stderr unless told otherwise.
void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetGenericErrorFunc(nullptr, ignore_generic_error);
    xmlSetStructuredErrorFunc(nullptr, ignore_structured_error);
  });
}

bool equal_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

namespace {

// More attributes on one element than any export writes: libxml2 checks
// each new attribute against the others, so many of them cost quadratic time.
constexpr size_t kMaxAttributes = 10000;

// A linear scan for start tags with too many attributes ('=' outside quotes).
bool has_attribute_flood(std::string_view b) {
  size_t count = 0;
  bool in_tag = false;
  char quote = 0;
  for (char c : b) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '<') {
      in_tag = true;
      count = 0;
    } else if (c == '>') {
      in_tag = false;
    } else if (in_tag && (c == '"' || c == '\'')) {
      quote = c;
    } else if (in_tag && c == '=' && ++count > kMaxAttributes) {
      return true;
    }
  }
  return false;
}

// What the parser reports while parsing one document.
struct ParseReport {
  bool declares_entity = false;
  std::vector<std::string> limits;  ///< resource limits reached
};

bool names_a_limit(const std::string& message) {
  for (const char* w :
       {"Excessive depth", "huge", "Huge", "too long", "too large", "too big", "Maximum", "limit", "exceeds"})
    if (message.find(w) != std::string::npos) return true;
  return false;
}

void collect_error(void* context, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context);
  auto* report = ctxt ? static_cast<ParseReport*>(ctxt->_private) : nullptr;
  if (!report || !error || !error->message) return;
  std::string message(error->message);
  for (char& c : message)
    if (c == '\n' || c == '\r') c = ' ';
  message = collapse_spaces(message);
  if (!names_a_limit(message) || report->limits.size() >= 5) return;
  // In words a reader of the log understands.
  if (message.find("Excessive depth") != std::string::npos)
    message = "elements nested deeper than 256 levels: what lies deeper is not read";
  else if (message.find("huge text") != std::string::npos || message.find("Huge") != std::string::npos ||
           message.find("CData section too big") != std::string::npos)
    message = "a text over the XML parser's 10 MB limit: the rest of it is not read";
  else if (message.find("AttValue") != std::string::npos)
    message = "an attribute over the XML parser's 10 MB limit: not read";
  report->limits.push_back(message + " (line " + std::to_string(error->line) + ")");
}

void refuse_entity(void* context, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(context);
  static_cast<ParseReport*>(ctxt->_private)->declares_entity = true;
  xmlStopParser(ctxt);
}

}  // namespace

XmlTree XmlTree::parse_xml(std::string_view bytes) {
  init_libxml();
  if (has_attribute_flood(bytes))
    throw InputError("an element with more than " + std::to_string(kMaxAttributes) + " attributes: not read");
  XmlTree t;
  // Errors go to collect_error (nothing is printed): the limits it notes are named.
  const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size()));
  if (!ctxt) throw InputError("XML that cannot be parsed");
  ParseReport report;
  ctxt->_private = &report;
  // The parser stops at the first entity declaration, before anything is
  // expanded, whatever encoding hides it from a byte check.
  ctxt->sax->entityDecl = refuse_entity;
  ctxt->sax->serror = collect_error;
  xmlCtxtUseOptions(ctxt, options);
  xmlParseDocument(ctxt);
  t.doc_.reset(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  xmlFreeParserCtxt(ctxt);
  if (report.declares_entity) throw InputError("XML declares entities, which exports never do: not read");
  if (!t.doc_ || !xmlDocGetRootElement(t.doc_.get())) throw InputError("XML that cannot be parsed");
  t.warnings_ = std::move(report.limits);
  return t;
}

XmlTree XmlTree::parse_html(std::string_view utf8) {
  init_libxml();
  if (has_attribute_flood(utf8))
    throw InputError("an element with more than " + std::to_string(kMaxAttributes) + " attributes: not read");
  XmlTree t;
  // Errors go to collect_error (nothing is printed): the limits it notes are named.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT;
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8.data(), static_cast<int>(utf8.size()));
  if (!ctxt) throw InputError("HTML that cannot be parsed");
  ParseReport report;
  ctxt->_private = &report;
  ctxt->sax->serror = collect_error;
  htmlCtxtUseOptions(ctxt, options);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);  // the reader made it UTF-8, whatever the page claims
  // The HTML parser reports some limits only through the thread's handler.
  xmlSetStructuredErrorFunc(ctxt, collect_error);
  htmlParseDocument(ctxt);
  xmlSetStructuredErrorFunc(nullptr, ignore_structured_error);
  t.doc_.reset(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  htmlFreeParserCtxt(ctxt);
  if (!t.doc_) throw InputError("HTML that cannot be parsed");
  t.warnings_ = std::move(report.limits);
  return t;
}

xmlNode* XmlTree::root() const {
  return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr;
}

std::string_view local_name(const xmlNode* node) {
  return node && node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node && node->type == XML_ELEMENT_NODE && equal_ignore_case(local_name(node), name);
}

const xmlNode* child(const xmlNode* node, std::string_view name) {
  if (!node) return nullptr;
  for (const xmlNode* c = node->children; c; c = c->next)
    if (is_element(c, name)) return c;
  return nullptr;
}

const xmlNode* descendant(const xmlNode* node, std::initializer_list<std::string_view> path) {
  for (std::string_view name : path) node = child(node, name);
  return node;
}

std::vector<const xmlNode*> children(const xmlNode* node, std::string_view name) {
  std::vector<const xmlNode*> out;
  if (!node) return out;
  for (const xmlNode* c = node->children; c; c = c->next)
    if (is_element(c, name)) out.push_back(c);
  return out;
}

std::string text_of(const xmlNode* node) {
  if (!node) return {};
  xmlChar* content = xmlNodeGetContent(node);
  if (!content) return {};
  std::string s(trim(reinterpret_cast<const char*>(content)));
  xmlFree(content);
  return s;
}

std::string child_text(const xmlNode* node, std::string_view name) {
  return text_of(child(node, name));
}

std::string attribute(const xmlNode* node, std::string_view name) {
  if (!node) return {};
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (!a->name || !equal_ignore_case(reinterpret_cast<const char*>(a->name), name)) continue;
    xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
    std::string s = v ? std::string(trim(reinterpret_cast<const char*>(v))) : std::string();
    if (v) xmlFree(v);
    return s;
  }
  return {};
}

bool has_class(const xmlNode* node, std::string_view name) {
  if (!node || node->type != XML_ELEMENT_NODE) return false;
  const std::string classes = attribute(node, "class");  // the words are views into it
  for (std::string_view word : split_words(classes))
    if (word == name) return true;
  return false;
}

namespace {

// Visits the elements below `node` in document order until `visit` returns true.
template <typename Visit>
const xmlNode* find_below(const xmlNode* node, Visit visit) {
  if (!node) return nullptr;
  const xmlNode* n = node->children;
  while (n) {
    if (n->type == XML_ELEMENT_NODE && visit(n)) return n;
    if (n->children && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    while (n && !n->next) {
      n = n->parent;
      if (n == node) return nullptr;
    }
    if (n) n = n->next;
  }
  return nullptr;
}

}  // namespace

std::vector<const xmlNode*> descendants_with_class(const xmlNode* node, std::string_view class_name,
                                                   std::string_view element) {
  std::vector<const xmlNode*> out;
  find_below(node, [&](const xmlNode* n) {
    if ((element.empty() || is_element(n, element)) && has_class(n, class_name)) out.push_back(n);
    return false;
  });
  return out;
}

const xmlNode* first_descendant_with_class(const xmlNode* node, std::string_view class_name, std::string_view element) {
  return find_below(
      node, [&](const xmlNode* n) { return (element.empty() || is_element(n, element)) && has_class(n, class_name); });
}

const xmlNode* descendant_with_id(const xmlNode* node, std::string_view id) {
  return find_below(node, [&](const xmlNode* n) { return attribute(n, "id") == id; });
}

std::vector<const xmlNode*> descendants_named(const xmlNode* node, std::string_view element) {
  std::vector<const xmlNode*> out;
  find_below(node, [&](const xmlNode* n) {
    if (is_element(n, element)) out.push_back(n);
    return false;
  });
  return out;
}

const xmlNode* first_descendant(const xmlNode* node, std::string_view element) {
  return find_below(node, [&](const xmlNode* n) { return is_element(n, element); });
}

std::string sniff_root_element(std::string_view b) {
  if (starts_with(b, "\xEF\xBB\xBF")) b.remove_prefix(3);
  size_t i = 0;
  const size_t limit = std::min<size_t>(b.size(), 64 * 1024);
  for (;;) {
    while (i < limit && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
    if (i >= limit || b[i] != '<') return {};
    if (b.compare(i, 2, "<?") == 0 || b.compare(i, 2, "<!") == 0) {
      const bool comment = b.compare(i, 4, "<!--") == 0;
      const size_t end = comment ? b.find("-->", i + 4) : b.find('>', i + 2);
      if (end == std::string_view::npos || end >= limit) return {};
      i = end + (comment ? 3 : 1);
      continue;
    }
    size_t j = i + 1;
    while (j < limit && b[j] != ' ' && b[j] != '>' && b[j] != '/' && b[j] != '\t' && b[j] != '\r' && b[j] != '\n') ++j;
    std::string name(b.substr(i + 1, j - i - 1));
    const size_t colon = name.find(':');
    if (colon != std::string::npos) name.erase(0, colon + 1);
    return name;
  }
}

}  // namespace sagsoeg
