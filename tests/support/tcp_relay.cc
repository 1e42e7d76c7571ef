#include "support/tcp_relay.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include "support/loopback_port.h"

namespace privacy::testing {

namespace {

constexpr int kPollMs = 20;

// Sends all of `data`; false when the peer is gone.
bool SendAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t sent = send(fd, data, size, MSG_NOSIGNAL);
    if (sent <= 0) return false;
    data += sent;
    size -= static_cast<size_t>(sent);
  }
  return true;
}

}  // namespace

TcpRelay::TcpRelay(uint16_t target, std::string stall_marker)
    : target_(target), marker_(std::move(stall_marker)) {
  listener_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = Loopback(0);
  socklen_t length = sizeof(address);
  if (listener_ < 0 || bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      listen(listener_, 64) != 0 ||
      getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (listener_ >= 0) close(listener_);
    throw std::runtime_error("tcp relay: cannot listen on loopback");
  }
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

TcpRelay::~TcpRelay() {
  stopping_ = true;
  shutdown(listener_, SHUT_RDWR);
  acceptor_.join();
  close(listener_);
  std::lock_guard lock(threads_mutex_);
  for (std::thread& relay : relays_) relay.join();
}

std::string TcpRelay::url() const { return "nats://127.0.0.1:" + std::to_string(port_); }

void TcpRelay::Stall() { stalled_ = true; }
void TcpRelay::Release() { stalled_ = false; }

void TcpRelay::AcceptLoop() {
  while (!stopping_) {
    pollfd waiting{listener_, POLLIN, 0};
    if (poll(&waiting, 1, kPollMs) <= 0) continue;
    int client = accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    int server = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = Loopback(target_);
    if (server < 0 ||
        connect(server, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      close(client);
      if (server >= 0) close(server);
      continue;
    }
    std::lock_guard lock(threads_mutex_);
    relays_.emplace_back([this, client, server] { Relay(client, server); });
  }
}

void TcpRelay::Relay(int client, int server) {
  bool marked = false;
  bool first_line_seen = false;
  std::string first_line;
  char buffer[64 * 1024];
  while (!stopping_) {
    if (marked && stalled_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(kPollMs));
      continue;
    }
    pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    if (poll(fds, 2, kPollMs) <= 0) continue;
    if (fds[0].revents != 0) {
      ssize_t got = recv(client, buffer, sizeof(buffer), 0);
      if (got <= 0) break;
      if (!first_line_seen) {
        first_line.append(buffer, static_cast<size_t>(got));
        first_line_seen = first_line.find("\r\n") != std::string::npos;
        if (first_line_seen && first_line.find(marker_) != std::string::npos) {
          marked = true;
          ++marked_;
        }
      }
      if (!SendAll(server, buffer, static_cast<size_t>(got))) break;
    }
    if (fds[1].revents != 0) {
      ssize_t got = recv(server, buffer, sizeof(buffer), 0);
      if (got <= 0) break;
      if (!SendAll(client, buffer, static_cast<size_t>(got))) break;
    }
  }
  close(client);
  close(server);
}

}  // namespace privacy::testing
