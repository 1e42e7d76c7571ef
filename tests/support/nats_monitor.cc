#include "support/nats_monitor.h"

#include "support/privacy_format.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace privacy::testing {

std::string MonitorGet(uint16_t port, const std::string& path) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    throw std::runtime_error("connect to monitor port " + std::to_string(port) + ": " +
                             std::strerror(errno));
  }
  const std::string request =
      "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) !=
      static_cast<ssize_t>(request.size())) {
    throw std::runtime_error("send to monitor failed");
  }
  std::string response;
  char buf[16384];
  while (true) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n < 0) throw std::runtime_error(std::string("recv from monitor: ") + std::strerror(errno));
    if (n == 0) break;
    response.append(buf, static_cast<size_t>(n));
  }
  auto body = response.find("\r\n\r\n");
  if (response.rfind("HTTP/1.", 0) != 0 || body == std::string::npos ||
      response.find(" 200 ") == std::string::npos) {
    throw std::runtime_error("monitor " + path + ": unexpected response: " + response.substr(0, 200));
  }
  return response.substr(body + 4);
}

std::map<int, uint64_t> SubscriberDeliveries(uint16_t monitor_port, const std::string& subject) {
  const std::string body =
      MonitorGet(monitor_port, "/subsz?subs=1&limit=100000&test=" + subject);
  std::map<int, uint64_t> out;
  auto list = body.find("\"subscriptions_list\"");
  if (list == std::string::npos) return out;
  // Each entry is a flat object with "msgs" and "cid"; workers' have a
  // "qgroup" (an account import's own subscription has none).
  for (size_t open = body.find('{', list); open != std::string::npos;
       open = body.find('{', open + 1)) {
    size_t close = body.find('}', open);
    if (close == std::string::npos) break;
    std::string_view entry = std::string_view(body).substr(open, close - open + 1);
    if (entry.find("\"qgroup\"") == std::string_view::npos) continue;
    uint64_t msgs = std::stoull(RawJsonValue(entry, "msgs"));
    int client = std::stoi(RawJsonValue(entry, "cid"));
    out[client] += msgs;
  }
  return out;
}

}  // namespace privacy::testing
