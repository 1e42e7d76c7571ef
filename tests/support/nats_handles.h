// unique_ptr owners for nats.c objects, each released with its _Destroy.
#pragma once

#include <nats/nats.h>

#include <memory>

namespace privacy::testing {

// Deleter calling the nats.c destroy function `Fn`.
template <auto Fn>
struct NatsDeleter {
  template <class T>
  void operator()(T* p) const {
    if (p != nullptr) Fn(p);
  }
};

using NatsOptionsPtr = std::unique_ptr<natsOptions, NatsDeleter<natsOptions_Destroy>>;
using NatsConnectionPtr = std::unique_ptr<natsConnection, NatsDeleter<natsConnection_Destroy>>;
using NatsMsgPtr = std::unique_ptr<natsMsg, NatsDeleter<natsMsg_Destroy>>;
using NatsSubscriptionPtr =
    std::unique_ptr<natsSubscription, NatsDeleter<natsSubscription_Destroy>>;
using JsCtxPtr = std::unique_ptr<jsCtx, NatsDeleter<jsCtx_Destroy>>;
using JsStreamInfoPtr = std::unique_ptr<jsStreamInfo, NatsDeleter<jsStreamInfo_Destroy>>;
using JsStreamNamesPtr = std::unique_ptr<jsStreamNamesList, NatsDeleter<jsStreamNamesList_Destroy>>;
using JsConsumerInfoListPtr =
    std::unique_ptr<jsConsumerInfoList, NatsDeleter<jsConsumerInfoList_Destroy>>;
using KvStorePtr = std::unique_ptr<kvStore, NatsDeleter<kvStore_Destroy>>;
using KvEntryPtr = std::unique_ptr<kvEntry, NatsDeleter<kvEntry_Destroy>>;

}  // namespace privacy::testing
