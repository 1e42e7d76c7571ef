// A TCP relay in front of a test's nats-server that can stall chosen
// connections, to see how a client behaves when its traffic stops flowing
// while its other connections carry on.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace privacy::testing {

// Relays every connection made to its loopback port to 127.0.0.1:`target`.
// A connection whose first line from the client (the NATS CONNECT line)
// contains `stall_marker` is marked; while Stall() is in force nothing
// flows on marked connections, either way, and they stay open. Safe to use
// from one test thread; stops on destruction.
class TcpRelay {
 public:
  TcpRelay(uint16_t target, std::string stall_marker);
  ~TcpRelay();
  TcpRelay(const TcpRelay&) = delete;
  TcpRelay& operator=(const TcpRelay&) = delete;

  std::string url() const;

  // Stops, or restarts, the flow on marked connections.
  void Stall();
  void Release();

  // Marked connections made so far.
  int marked_connections() const { return marked_.load(); }

 private:
  void AcceptLoop();
  void Relay(int client, int server);

  const uint16_t target_;
  const std::string marker_;
  int listener_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> stalled_{false};
  std::atomic<int> marked_{0};
  std::mutex threads_mutex_;
  std::vector<std::thread> relays_;
  std::thread acceptor_;
};

}  // namespace privacy::testing
