#include "nats/stream_inspection.h"

#include "nats/handles.h"
#include "nats/nats_status.h"

namespace privacy::nats {

StreamSettings SettingsOf(const jsStreamConfig& config) {
  StreamSettings out;
  out.replicas = config.Replicas;
  out.max_age = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::nanoseconds(config.MaxAge));
  out.memory_storage = config.Storage == js_MemoryStorage;
  if (config.MaxMsgsPerSubject > 0) out.history = config.MaxMsgsPerSubject;
  return out;
}

Result<StreamReport> InspectStream(jsCtx* js, const std::string& stream, int64_t timeout_ms) {
  jsOptions options;
  jsOptions_Init(&options);
  options.Wait = timeout_ms;
  jsStreamInfo* raw = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&raw, js, stream.c_str(), &options, &err);
  StreamInfoPtr info(raw);
  if (s == NATS_NOT_FOUND) return MakeError(ErrorCode::kNotFound, "stream " + stream + " not found");
  if (s != NATS_OK) return FromNatsStatus(s, "looking up stream " + stream);
  StreamReport out;
  out.settings = SettingsOf(*info->Config);
  out.messages = info->State.Msgs;
  out.bytes = info->State.Bytes;
  if (info->Cluster != nullptr && info->Cluster->Leader != nullptr) {
    out.leader = info->Cluster->Leader;
  }
  return out;
}

void WarnOnSettingDifferences(Logger* logger, std::string_view event, std::string_view name_key,
                              const std::string& name, const StreamSettings& configured,
                              const StreamSettings& actual) {
  for (const SettingDifference& d : DiffStreamSettings(configured, actual)) {
    logger->Warn(event, {{name_key, name},
                         {"setting", d.setting},
                         {"configured", d.configured},
                         {"actual", d.actual},
                         {"action", "used as it is"}});
  }
}

Status EnsureStream(jsCtx* js, const StreamSpec& spec, Logger* logger) {
  jsStreamInfo* raw_info = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&raw_info, js, spec.name.c_str(), nullptr, &err);
  StreamInfoPtr info(raw_info);
  if (s == NATS_OK) {
    logger->Info(spec.event_prefix + "_bound", {{"stream", spec.name}});
    WarnOnSettingDifferences(logger, spec.event_prefix + "_settings_differ", "stream", spec.name,
                             spec.settings, SettingsOf(*info->Config));
    return Status::Ok();
  }
  if (s != NATS_NOT_FOUND) return FromNatsStatus(s, "looking up " + spec.what);

  const char* subject_list[] = {spec.subjects.c_str()};
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = spec.name.c_str();
  config.Description = spec.description.c_str();
  config.Subjects = subject_list;
  config.SubjectsLen = 1;
  config.Retention = spec.retention;
  config.Storage = spec.settings.memory_storage ? js_MemoryStorage : js_FileStorage;
  config.Replicas = spec.settings.replicas;
  config.MaxAge =
      std::chrono::duration_cast<std::chrono::nanoseconds>(spec.settings.max_age).count();
  config.Duplicates = spec.duplicate_window.count();
  s = js_AddStream(&raw_info, js, &config, nullptr, &err);
  info.reset(raw_info);
  if (s != NATS_OK) return FromNatsStatus(s, "creating " + spec.what);
  logger->Info(spec.event_prefix + "_created",
               {{"stream", spec.name}, {"replicas", spec.settings.replicas}});
  return Status::Ok();
}

}  // namespace privacy::nats
