// SPDX-License-Identifier: Apache-2.0
#pragma once
// Drives lakeside-cli in-process (runCli with string streams) against a
// temporary local workspace, and opens that workspace directly so tests can
// check the state a command left behind.

#include "api/json.h"
#include "cli/cli.h"
#include "local/localbackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace clitest {

struct Run {
    int code = -1;
    std::string out;
    std::string err;
    // stdout parsed as JSON (null when it is not JSON).
    lakeside::Json json() const { return lakeside::Json::parse(out, nullptr, false); }
    lakeside::Json errJson() const { return lakeside::Json::parse(err, nullptr, false); }
};

inline QByteArray q(const std::string& s) { return QByteArray::fromStdString(s); }

// Runs `lakeside-cli args...` in-process, stderr treated as not a terminal.
inline Run runArgs(const std::vector<std::string>& args)
{
    std::ostringstream out;
    std::ostringstream err;
    lakeside::cli::CliEnvironment env;
    env.stderrIsTerminal = [] { return false; };
    Run r;
    r.code = lakeside::cli::runCli(args, out, err, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

// Runs `lakeside-cli --remote CONFIG args...` (--remote replaces --workspace).
inline Run runRemote(const std::string& config, std::vector<std::string> args)
{
    args.insert(args.begin(), {"--remote", config});
    return runArgs(args);
}

class Harness {
public:
    Harness()
    {
        // Keep the CLI's log file and committer out of the user's environment.
        qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
        qputenv("LAKESIDE_USER", "tester");
    }

    bool valid() const { return m_dir.isValid(); }
    std::string workspace() const { return m_dir.filePath(QStringLiteral("ws")).toStdString(); }
    std::string path(const std::string& name) const { return m_dir.filePath(QString::fromStdString(name)).toStdString(); }

    // Runs `lakeside-cli --workspace WS args...`.
    Run run(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {"--workspace", workspace()});
        return runArgs(args);
    }

    // A direct handle on the same workspace, for checking state.
    lakeside::LocalBackend& backend()
    {
        if (!m_backend) {
            auto opened = lakeside::LocalBackend::open(workspace(), "checker");
            if (!opened.ok()) qFatal("cannot open the test workspace: %s", opened.error().message.c_str());
            m_backend = std::move(opened).value();
        }
        return *m_backend;
    }

    // Writes a local file (creating folders) and returns its path.
    std::string writeFile(const std::string& name, const std::string& content) const
    {
        const QString p = m_dir.filePath(QString::fromStdString(name));
        QDir().mkpath(QFileInfo(p).absolutePath());
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(p));
        f.write(content.data(), static_cast<qint64>(content.size()));
        return p.toStdString();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<lakeside::LocalBackend> m_backend;
};

// QVERIFY2-friendly description of a run.
inline QByteArray describe(const Run& r)
{
    return q("exit " + std::to_string(r.code) + "\nstdout: " + r.out + "\nstderr: " + r.err);
}

} // namespace clitest

// Checks the exit code and shows both streams when it differs.
#define CLI_EXPECT(run, expected)                                                                  \
    do {                                                                                           \
        const clitest::Run& _r = (run);                                                            \
        QVERIFY2(_r.code == (expected), clitest::describe(_r).constData());                        \
    } while (0)
