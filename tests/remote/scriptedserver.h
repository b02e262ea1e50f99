// SPDX-License-Identifier: Apache-2.0
#pragma once
// A tiny HTTP server on 127.0.0.1 (any free port) whose handlers a test
// scripts, for the client's error-mapping and retry tests. Starts in the
// constructor, stops in the destructor.

#include <httplib.h>

#include <atomic>
#include <string>
#include <thread>

class ScriptedServer {
public:
    ScriptedServer() = default;
    ~ScriptedServer() { stop(); }

    httplib::Server& http() { return m_server; }

    // Call after registering handlers. Returns false when no port is free.
    bool start()
    {
        m_port = m_server.bind_to_any_port("127.0.0.1");
        if (m_port <= 0) return false;
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        // stop() before the accept loop runs would be lost: wait for it.
        while (!m_server.is_running()) std::this_thread::yield();
        return true;
    }
    void stop()
    {
        if (m_thread.joinable()) {
            m_server.stop();
            m_thread.join();
        }
    }
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
};
