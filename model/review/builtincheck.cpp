// SPDX-License-Identifier: Apache-2.0
#include "review/builtincheck.h"

#include "review/reviewids.h"
#include "tabular/opentable.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <unistd.h>

namespace lakeside::review {
namespace {

using tabular::TableFormat;

struct Props {
    const HookSpec& hook;
    const HookProperty* get(const char* k) const
    {
        auto it = hook.properties.find(k);
        return it == hook.properties.end() ? nullptr : &it->second;
    }
    std::vector<std::string> list(const char* k) const
    {
        const HookProperty* p = get(k);
        if (!p) return {};
        if (!p->list.empty()) return p->list;
        return p->scalar.empty() ? std::vector<std::string>{} : std::vector<std::string>{p->scalar};
    }
    std::optional<int64_t> number(const char* k) const
    {
        const HookProperty* p = get(k);
        if (!p || p->scalar.empty()) return std::nullopt;
        return std::stoll(p->scalar);
    }
};

Result<std::string> readAll(Backend& b, const std::string& repo, const std::string& ref, const std::string& path)
{
    std::string data;
    LAKESIDE_RETURN_IF_ERROR(b.getObject(repo, ref, path, [&](const char* d, int64_t n) {
        data.append(d, static_cast<size_t>(n));
        return true;
    }));
    return data;
}

// Removes the temporary copy of a Parquet object when the check is done.
struct TempFile {
    std::string path;
    ~TempFile()
    {
        if (!path.empty()) std::remove(path.c_str());
    }
};

class Checker {
public:
    Checker(Backend& b, std::string repo, std::string ref, const HookSpec& hook)
        : m_b(b), m_repo(std::move(repo)), m_ref(std::move(ref)), m_p{hook} {}

    HookOutcome run()
    {
        std::vector<std::string> globs = m_p.list("paths");
        if (globs.empty()) globs.push_back("*");
        ListParams lp;
        lp.amount = 1000;
        Status st = forEachPage<ObjectStats>(
            [&](const std::string& after) {
                lp.after = after;
                return m_b.listObjects(m_repo, m_ref, lp, "");
            },
            [&](const ObjectStats& o) {
                if (o.path.rfind("_lakefs_actions/", 0) == 0) return true;
                for (const auto& g : globs)
                    if (globMatch(g, o.path)) {
                        checkObject(o);
                        break;
                    }
                return true;
            });
        if (!st.ok()) fail("cannot list objects at '" + m_ref + "': " + st.message());
        if (m_checked == 0) m_out += "no objects matched; nothing to check\n";
        else if (m_ok) m_out += "all checks passed on " + std::to_string(m_checked) + " object(s)\n";
        return {m_ok, m_out};
    }

private:
    void fail(const std::string& what)
    {
        m_ok = false;
        m_out += "FAIL " + what + "\n";
    }

    void checkObject(const ObjectStats& o)
    {
        ++m_checked;
        if (auto max = m_p.number("max_size_bytes"); max && o.size_bytes > *max)
            fail(o.path + ": size " + std::to_string(o.size_bytes) + " bytes exceeds max_size_bytes " +
                 std::to_string(*max));
        const TableFormat fmt = tabular::formatFromPath(o.path);
        if (auto formats = m_p.list("allowed_formats"); !formats.empty()) {
            const std::string name = fmt == TableFormat::Auto ? "unknown" : tabular::tableFormatName(fmt);
            bool allowed = false;
            for (const auto& f : formats) allowed = allowed || f == name;
            if (!allowed) fail(o.path + ": format '" + name + "' is not among allowed_formats");
        }
        if (auto patterns = m_p.list("path_patterns"); !patterns.empty()) {
            bool any = false;
            for (const auto& g : patterns) any = any || globMatch(g, o.path);
            if (!any) fail(o.path + ": path matches none of path_patterns");
        }
        const bool wantsTable = m_p.get("required_columns") || m_p.get("not_null") || m_p.get("unique") ||
                                m_p.get("min_rows") || m_p.get("max_rows");
        if (wantsTable && fmt != TableFormat::Auto) checkTable(o.path, fmt);
    }

    void checkTable(const std::string& path, TableFormat fmt)
    {
        auto data = readAll(m_b, m_repo, m_ref, path);
        if (!data.ok()) return fail(path + ": cannot read: " + data.error().message);
        auto bytes = std::make_shared<std::string>(std::move(*data));
        TempFile temp;
        Result<std::unique_ptr<tabular::TableSource>> table = makeError(ErrorKind::Internal, "");
        if (fmt == TableFormat::Parquet) {
            // Parquet readers need random access to a file: spool the object.
            temp.path = (std::filesystem::temp_directory_path() / ("lakeside-check-" + newId() + ".parquet")).string();
            std::ofstream(temp.path, std::ios::binary).write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
            table = tabular::openTable(temp.path);
        } else {
            tabular::ByteSourceFactory factory = [bytes]() -> Result<ByteSource> {
                auto pos = std::make_shared<size_t>(0);
                return ByteSource([bytes, pos](char* buf, int64_t cap) -> int64_t {
                    size_t n = std::min(static_cast<size_t>(cap), bytes->size() - *pos);
                    std::copy_n(bytes->data() + *pos, n, buf);
                    *pos += n;
                    return static_cast<int64_t>(n);
                });
            };
            table = tabular::openTable(factory, path);
        }
        if (!table.ok()) return fail(path + ": cannot open as a table: " + table.error().message);
        tabular::TableSource& t = **table;
        const tabular::Schema& schema = t.schema();

        if (const HookProperty* req = m_p.get("required_columns")) {
            std::map<std::string, std::string> want = req->map;
            for (const auto& c : req->list) want[c] = "any";
            for (const auto& [name, type] : want) {
                int i = schema.indexOf(name);
                if (i < 0) {
                    fail(path + ": column '" + name + "' is required but missing");
                } else if (type != "any" && schema.columns[static_cast<size_t>(i)].declared &&
                           type != tabular::columnTypeName(schema.columns[static_cast<size_t>(i)].type)) {
                    fail(path + ": column '" + name + "' has type '" +
                         tabular::columnTypeName(schema.columns[static_cast<size_t>(i)].type) + "', expected '" + type + "'");
                }
            }
        }
        std::vector<int> notNull, key;
        for (const auto& c : m_p.list("not_null")) {
            int i = schema.indexOf(c);
            if (i < 0) fail(path + ": column '" + c + "' (not_null) is missing");
            else notNull.push_back(i);
        }
        const std::vector<std::string> keyCols = m_p.list("unique");
        for (const auto& c : keyCols) {
            int i = schema.indexOf(c);
            if (i < 0) fail(path + ": column '" + c + "' (unique key) is missing");
            else key.push_back(i);
        }
        std::map<std::string, int64_t> seen;
        int64_t rows = 0;
        int reported = 0;
        tabular::Row row;
        for (;;) {
            auto more = t.next(row);
            if (!more.ok()) return fail(path + ": " + more.error().message);
            if (!*more) break;
            ++rows;
            const std::string where = path + ": row " + std::to_string(row.index + 1) +
                                      (row.line > 0 ? " (line " + std::to_string(row.line) + ")" : "");
            for (int i : notNull)
                if (row.cells[static_cast<size_t>(i)].null && reported++ < 20)
                    fail(where + ": column '" + schema.columns[static_cast<size_t>(i)].name + "' is null");
            if (!key.empty() && key.size() == keyCols.size()) {
                std::string k;
                for (int i : key) {
                    const auto& c = row.cells[static_cast<size_t>(i)];
                    k += c.null ? std::string("\x01") : std::string(c.text);
                    k += '\x1f';
                }
                auto [it, fresh] = seen.emplace(k, row.index + 1);
                if (!fresh && reported++ < 20)
                    fail(where + ": duplicate key in column(s) '" + join(keyCols) + "' (first seen in row " +
                         std::to_string(it->second) + ")");
            }
        }
        if (auto min = m_p.number("min_rows"); min && rows < *min)
            fail(path + ": " + std::to_string(rows) + " rows, fewer than min_rows " + std::to_string(*min));
        if (auto max = m_p.number("max_rows"); max && rows > *max)
            fail(path + ": " + std::to_string(rows) + " rows, more than max_rows " + std::to_string(*max));
        m_out += "checked " + path + ": " + std::to_string(rows) + " rows\n";
    }

    static std::string join(const std::vector<std::string>& v)
    {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
        return s;
    }

    Backend& m_b;
    std::string m_repo, m_ref;
    Props m_p;
    std::string m_out;
    bool m_ok = true;
    int m_checked = 0;
};

} // namespace

HookOutcome runBuiltinCheck(Backend& backend, const std::string& repo, const std::string& ref, const HookSpec& hook)
{
    try {
        return Checker(backend, repo, ref, hook).run();
    } catch (const std::exception& e) { // std::stoll on a malformed number property
        return {false, "hook '" + hook.id + "': invalid property: " + e.what() + "\n"};
    }
}

} // namespace lakeside::review
