#include "format/xml_tree.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

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

XmlTree XmlTree::parse_xml(std::string_view bytes) {
  init_libxml();
  if (bytes.find("<!ENTITY") != std::string_view::npos)
    throw InputError("XML declares entities, which exports never do: not read");
  XmlTree t;
  const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                      XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
  t.doc_.reset(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "document.xml", nullptr, options));
  if (!t.doc_ || !xmlDocGetRootElement(t.doc_.get())) throw InputError("XML that cannot be parsed");
  return t;
}

XmlTree XmlTree::parse_html(std::string_view utf8) {
  init_libxml();
  XmlTree t;
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  t.doc_.reset(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), "page.html", "UTF-8", options));
  if (!t.doc_) throw InputError("HTML that cannot be parsed");
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
