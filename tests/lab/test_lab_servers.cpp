// The lab's servers as processes: they die with their owner even on kill -9, the next start's
// cleanup removes what a dead owner left and never touches a live owner's folder, a normal stop
// leaves no folder, a missing program or a port in use is named, and the servers listen on
// loopback or their private socket only, behind a password.
#include "lab/free_ports.h"
#include "lab/lab_folder.h"
#include "lab/pg_lab.h"
#include "lab/redis_client.h"
#include "lab/redis_lab.h"
#include "tests/lab/lab_test_support.h"
#include "tests/suite_main.h"

#include <QFile>
#include <QProcess>
#include <QThread>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using fg::lab::LabKind;

namespace {

struct Owner {
    QString folder;
    std::vector<qint64> pids;
};

// Starts lab_owner with `kind` and reads what it started; `p` keeps running.
Owner startOwner(QProcess& p, const QString& kind) {
    p.start(QStringLiteral(LAB_OWNER_BIN), {kind});
    Owner o;
    QByteArray out;
    while (!out.contains("ready\n") && p.waitForReadyRead(60000)) {
        out += p.readAllStandardOutput();
    }
    for (const QByteArray& line : out.split('\n')) {
        if (line.startsWith("folder ")) {
            o.folder = QString::fromLocal8Bit(line.mid(7));
        } else if (line.startsWith("pid ")) {
            o.pids.push_back(line.mid(4).toLongLong());
        }
    }
    return o;
}

bool allGone(const std::vector<qint64>& pids, int ms) {
    for (int waited = 0; waited <= ms; waited += 50) {
        bool any = false;
        for (const qint64 pid : pids) {
            any = any || fg::lab::processStartTime(pid) >= 0;
        }
        if (!any) {
            return true;
        }
        QThread::msleep(50);
    }
    return false;
}

// A socket listening on 127.0.0.1 at a port the kernel picks; its port.
int listenAnywhere(int* fd) {
    *fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof addr;
    if (::bind(*fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(*fd, 1) != 0 ||
        ::getsockname(*fd, reinterpret_cast<sockaddr*>(&addr), &size) != 0) {
        return -1;
    }
    return ntohs(addr.sin_port);
}

} // namespace

class TestLabServers : public QObject {
    Q_OBJECT

private slots:
    void killingTheOwnerWithSigkillLeavesNoServer_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("redis") << QStringLiteral("redis");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }
    void killingTheOwnerWithSigkillLeavesNoServer() {
        QFETCH(QString, kind);
        FG_REQUIRE_LAB(kind == QLatin1String("redis") ? LabKind::kRedisCluster
                                                      : LabKind::kPostgres);
        QProcess owner;
        const Owner o = startOwner(owner, kind);
        QVERIFY2(!o.folder.isEmpty(), owner.readAllStandardError().constData());
        QVERIFY(o.pids.size() >= 3); // three Redis masters; a postmaster and its helpers
        for (const qint64 pid : o.pids) {
            QVERIFY(fg::lab::processStartTime(pid) >= 0);
        }
        owner.kill(); // SIGKILL: no chance to stop anything
        QVERIFY(owner.waitForFinished(10000));
        QVERIFY2(allGone(o.pids, 10000), "a server outlived its owner");
        QVERIFY(fg::lab::processesWorkingIn(o.folder).empty());
        // The folder stays until the next start cleans it (another suite's start may be first).
        fg::lab::cleanStaleLabFolders();
        QVERIFY(!QFile::exists(o.folder));
    }

    void aLiveOwnersFolderIsLeftAlone() {
        FG_REQUIRE_LAB(LabKind::kRedisCluster);
        QProcess owner;
        const Owner o = startOwner(owner, QStringLiteral("redis"));
        QVERIFY(!o.folder.isEmpty());
        fg::lab::cleanStaleLabFolders();
        QVERIFY(QFile::exists(o.folder));
        for (const qint64 pid : o.pids) {
            QVERIFY(fg::lab::processStartTime(pid) >= 0);
        }
        owner.kill();
        QVERIFY(owner.waitForFinished(10000));
        QVERIFY(allGone(o.pids, 10000));
        fg::lab::cleanStaleLabFolders();
        QVERIFY(!QFile::exists(o.folder));
    }

    void aNormalStopLeavesNoFolderAndNoProcess() {
        FG_REQUIRE_LAB(LabKind::kRedisCluster);
        FG_REQUIRE_LAB(LabKind::kPostgres);
        std::unique_ptr<fg::lab::RedisLab> redis;
        QVERIFY2(fg::lab::RedisLab::start({}, &redis), "redis");
        std::unique_ptr<fg::lab::PgLab> pg;
        QVERIFY2(fg::lab::PgLab::startPrivate({}, &pg), "postgres");
        const QString redisFolder = redis->folder(), pgFolder = pg->folder();
        const std::vector<qint64> pids = fg::lab::processesWorkingIn(redisFolder);
        std::vector<qint64> pgPids = fg::lab::processesWorkingIn(pgFolder);
        redis.reset();
        pg.reset();
        QVERIFY(!QFile::exists(redisFolder));
        QVERIFY(!QFile::exists(pgFolder));
        QVERIFY(allGone(pids, 5000));
        QVERIFY(allGone(pgPids, 5000));
        QVERIFY(fg::lab::test::foldersOwnedByMe().isEmpty());
    }

    void aMissingProgramNamesItsPackage() {
        std::unique_ptr<fg::lab::PgLab> pg;
        fg::lab::PgLabOptions pgOptions;
        pgOptions.binDir = QStringLiteral("/nonexistent/bin");
        const fg::Status pgStatus = fg::lab::PgLab::startPrivate(pgOptions, &pg);
        QVERIFY(!pgStatus && pgStatus.isFailure());
        QVERIFY2(pgStatus.message().find("/nonexistent/bin/initdb") != std::string::npos &&
                     pgStatus.message().find("apt-get install postgresql-15") != std::string::npos,
                 pgStatus.message().c_str());
        std::unique_ptr<fg::lab::RedisLab> redis;
        fg::lab::RedisLabOptions redisOptions;
        redisOptions.redisServer = QStringLiteral("/nonexistent/redis-server");
        const fg::Status redisStatus = fg::lab::RedisLab::start(redisOptions, &redis);
        QVERIFY2(redisStatus.message().find("apt-get install redis-server") != std::string::npos,
                 redisStatus.message().c_str());
        QVERIFY(fg::lab::test::foldersOwnedByMe().isEmpty());
    }

    void aProgramThatIsNotTheServerIsRefused() {
        // /bin/true runs, says nothing, and is not Redis.
        std::unique_ptr<fg::lab::RedisLab> redis;
        fg::lab::RedisLabOptions options;
        options.redisServer = QStringLiteral("/bin/true");
        const fg::Status s = fg::lab::RedisLab::start(options, &redis);
        QVERIFY2(!s && s.message().find("Redis 7") != std::string::npos, s.message().c_str());
    }

    void aPortInUseIsNamed() {
        FG_REQUIRE_LAB(LabKind::kRedisCluster);
        int fd = -1;
        const int taken = listenAnywhere(&fd);
        QVERIFY(taken > 0);
        std::vector<int> others;
        QVERIFY(fg::lab::freePorts(2, &others));
        fg::lab::RedisLabOptions options;
        options.ports = {others[0], taken, others[1]};
        std::unique_ptr<fg::lab::RedisLab> redis;
        const fg::Status s = fg::lab::RedisLab::start(options, &redis);
        ::close(fd);
        const std::string where = "127.0.0.1:" + std::to_string(taken);
        QVERIFY2(!s && s.isFailure() && s.message().find(where) != std::string::npos &&
                     s.message().find("in use") != std::string::npos,
                 s.message().c_str());
        QVERIFY(fg::lab::test::foldersOwnedByMe().isEmpty());
    }

    void redisListensOnLoopbackOnlyBehindAPassword() {
        FG_REQUIRE_LAB(LabKind::kRedisCluster);
        std::unique_ptr<fg::lab::RedisLab> redis;
        QVERIFY(fg::lab::RedisLab::start({}, &redis));
        QFile tcp(QStringLiteral("/proc/net/tcp"));
        QVERIFY(tcp.open(QIODevice::ReadOnly));
        const QByteArray table = tcp.readAll();
        for (const fg::lab::RedisNode& n : redis->nodes()) {
            for (const int port : {n.port, n.busPort}) {
                const QByteArray hexPort =
                    QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
                // Listening (state 0A) on 0100007F = 127.0.0.1, and on no other address.
                QVERIFY(table.contains("0100007F:" + hexPort + " 00000000:0000 0A"));
                QCOMPARE(table.count(":" + hexPort + " 00000000:0000 0A"), 1);
            }
            std::unique_ptr<fg::lab::RedisConnection> anonymous;
            QVERIFY(fg::lab::RedisConnection::open("127.0.0.1", n.port, "", &anonymous));
            fg::lab::RedisReply reply;
            QVERIFY(anonymous->command({"GET", "x"}, &reply));
            QVERIFY2(reply.isError() && reply.text.rfind("NOAUTH", 0) == 0, reply.text.c_str());
        }
    }

    void postgresListensOnItsFolderOnly() {
        FG_REQUIRE_LAB(LabKind::kPostgres);
        std::unique_ptr<fg::lab::PgLab> pg;
        QVERIFY(fg::lab::PgLab::startPrivate({}, &pg));
        QVERIFY(QFile::exists(pg->folder() + QStringLiteral("/.s.PGSQL.5432")));
        // No TCP socket of any of its processes: their sockets are all Unix ones.
        QByteArray table;
        for (const char* name : {"/proc/net/tcp", "/proc/net/tcp6"}) {
            QFile tcp{QString::fromLatin1(name)};
            QVERIFY(tcp.open(QIODevice::ReadOnly));
            table += tcp.readAll();
        }
        for (const qint64 pid : fg::lab::processesWorkingIn(pg->folder())) {
            const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
            for (const QString& fd : fds.entryList(QDir::System)) {
                const QString target = QFile::symLinkTarget(fds.filePath(fd));
                const QString inode =
                    target.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0);
                if (target.contains(QLatin1String("socket:")) && !inode.isEmpty()) {
                    QVERIFY2(!table.contains(" " + inode.toLatin1() + " "), qPrintable(target));
                }
            }
        }
    }
};

FG_TEST_GUILESS_MAIN(TestLabServers)
#include "test_lab_servers.moc"
