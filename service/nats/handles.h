// Owning smart pointers for nats.c objects, each with its matching _Destroy.
#pragma once

#include <nats/nats.h>

#include <memory>

namespace privacy::nats {

template <typename T, void (*Destroy)(T*)>
struct NatsDeleter {
  void operator()(T* object) const {
    if (object != nullptr) Destroy(object);
  }
};

using OptionsPtr = std::unique_ptr<natsOptions, NatsDeleter<natsOptions, natsOptions_Destroy>>;
using ConnectionPtr =
    std::unique_ptr<natsConnection, NatsDeleter<natsConnection, natsConnection_Destroy>>;
using SubscriptionPtr =
    std::unique_ptr<natsSubscription, NatsDeleter<natsSubscription, natsSubscription_Destroy>>;
using MsgPtr = std::unique_ptr<natsMsg, NatsDeleter<natsMsg, natsMsg_Destroy>>;
using JetStreamPtr = std::unique_ptr<jsCtx, NatsDeleter<jsCtx, jsCtx_Destroy>>;
using KvStorePtr = std::unique_ptr<kvStore, NatsDeleter<kvStore, kvStore_Destroy>>;
using StreamInfoPtr =
    std::unique_ptr<jsStreamInfo, NatsDeleter<jsStreamInfo, jsStreamInfo_Destroy>>;
using ConsumerInfoPtr =
    std::unique_ptr<jsConsumerInfo, NatsDeleter<jsConsumerInfo, jsConsumerInfo_Destroy>>;
using ConsumerInfoListPtr =
    std::unique_ptr<jsConsumerInfoList,
                    NatsDeleter<jsConsumerInfoList, jsConsumerInfoList_Destroy>>;
using PubAckPtr = std::unique_ptr<jsPubAck, NatsDeleter<jsPubAck, jsPubAck_Destroy>>;
using MsgMetaDataPtr =
    std::unique_ptr<jsMsgMetaData, NatsDeleter<jsMsgMetaData, jsMsgMetaData_Destroy>>;
using StreamNamesPtr =
    std::unique_ptr<jsStreamNamesList, NatsDeleter<jsStreamNamesList, jsStreamNamesList_Destroy>>;
using KvEntryPtr = std::unique_ptr<kvEntry, NatsDeleter<kvEntry, kvEntry_Destroy>>;
using InboxPtr = std::unique_ptr<natsInbox, NatsDeleter<natsInbox, natsInbox_Destroy>>;

}  // namespace privacy::nats
