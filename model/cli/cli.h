// SPDX-License-Identifier: Apache-2.0
#pragma once
// `lakeside-cli`: lakectl's verbs and lakefs:// URIs over any Backend.
// runCli() is the whole program except main(), so tests drive it in-process
// with their own streams and, if they like, their own Backend.
//
// Exit status: 0 success, 1 an operation failed (the message on `err` names
// the repository, ref or path and says why), 2 a usage error (unknown
// command or option, malformed URI, a missing --yes).
//
// Not thread-safe: it initialises process-wide logging. Call it from one
// thread at a time.

#include "api/backend.h"

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace lakeside::cli {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

// Options every command accepts, before or after the command words.
struct GlobalOptions {
    std::string workspace; // --workspace; empty: $LAKESIDE_WORKSPACE, else the XDG data dir
    bool json = false;     // --json: lakeFS API shapes on stdout, {"message"} errors on stderr
    std::string logLevel = "warn";
    std::string remote;    // --remote NAME (a configured lakeFS server), when the remote backend exists
    std::string user;      // committer for local operations; empty: $LAKESIDE_USER, else $USER (no flag)
};

// Builds the Backend the commands talk to. The default (openBackend() in
// backendfactory.h) opens the local workspace or, with --remote, a lakeFS server.
using BackendFactory = std::function<Result<std::unique_ptr<Backend>>(const GlobalOptions&)>;

// `diff --table PATH`: the tabular library renders a schema/row/cell diff of
// one table between two refs. Unset until that library is linked in.
struct TableDiffRequest {
    std::string repository;
    std::string leftRef;
    std::string rightRef;
    std::string path;
    std::string rightPath;               // empty: the same as `path` (e.g. orders.csv vs orders.parquet otherwise)
    std::vector<std::string> keyColumns; // empty: the diff detects a key
    const std::string& rightObject() const { return rightPath.empty() ? path : rightPath; }
};
using TableDiffRenderer =
    std::function<Status(Backend&, const TableDiffRequest&, std::ostream& out, bool json)>;

struct CliEnvironment {
    BackendFactory backendFactory; // unset: openBackend()
    TableDiffRenderer tableDiff;   // unset: the built-in one (tablediffcommand.h), when built with lakeside_tabular
    // Progress lines for long imports go to stderr only when it is a terminal;
    // unset means "ask isatty(2)".
    std::function<bool()> stderrIsTerminal;
};

int runCli(int argc, char** argv, std::ostream& out, std::ostream& err, const CliEnvironment& env = {});
// Convenience for tests: args exclude the program name.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const CliEnvironment& env = {});

} // namespace lakeside::cli
