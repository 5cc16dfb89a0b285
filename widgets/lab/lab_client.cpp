#include "widgets/lab/lab_client.h"

namespace fg {

// SKELETON: helper "lab-process" writes this file.
LabClient::LabClient(QObject* parent) : QObject(parent) {}
LabClient::~LabClient() = default;

void LabClient::call(const QString& op, nlohmann::json, QObject*, Reply reply) {
    reply(Status::error(op.toStdString(), "not written yet"), {});
}

bool LabClient::busy() const {
    return false;
}

void LabClient::shutdown() {}

QString LabClient::helperProgram() {
    return {};
}

} // namespace fg
