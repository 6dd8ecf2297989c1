// SPDX-License-Identifier: Apache-2.0
#include "CompiledDatabases.h"
#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <hs/hs.h>
#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace perimeter::classify {

namespace {

constexpr char kMagic[8] = {'P', 'R', 'M', 'H', 'S', 'D', 'B', '1'};
constexpr qsizetype kDigestLen = 32;
constexpr qint64 kMaxCacheFile = qint64(256) << 20;

const char *architecture()
{
#if defined(__x86_64__)
    return "x86_64";
#elif defined(__aarch64__)
    return "aarch64";
#else
    return "other";
#endif
}

void addField(QCryptographicHash &h, const QByteArray &field)
{
    const quint64 n = quint64(field.size());
    h.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
    h.addData(field);
}

QByteArray cacheKey(const std::vector<Recognizer> &recognizers, CompiledDatabases::Engines engines)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    // the format tag covers how databases are compiled from the recognizers (which flags are
    // added per database): change it with any change to compile()
    addField(h, QByteArrayLiteral("perimeter-classifier-databases-8"));
    addField(h, QByteArray(hs_version()));
    addField(h, QByteArray(architecture()));
    addField(h, QByteArray::number(hs_valid_platform() == HS_SUCCESS ? 1 : 0));
    addField(h, QByteArray::number(int(engines)));
    for (const auto &r : recognizers) {
        addField(h, QByteArray::fromStdString(r.pattern));
        addField(h, QByteArray::number(r.flags) + ':' + QByteArray::number(int(r.scan)) + ':' + QByteArray::number(int(r.start)));
    }
    return h.result();
}

bool privateDirectory(const QByteArray &path)
{
    struct stat st {};
    if (::lstat(path.constData(), &st) != 0)
        return false;
    return S_ISDIR(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & 077) == 0;
}

void putU64(QByteArray &out, quint64 v) { out.append(reinterpret_cast<const char *>(&v), sizeof v); }

bool getU64(const QByteArray &in, qsizetype &pos, quint64 &v)
{
    if (pos + qsizetype(sizeof v) > in.size())
        return false;
    std::memcpy(&v, in.constData() + pos, sizeof v);
    pos += qsizetype(sizeof v);
    return true;
}

QByteArray serialize(hs_database_t *db)
{
    if (!db)
        return {};
    char *bytes = nullptr;
    size_t length = 0;
    if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS)
        return {};
    QByteArray out(bytes, qsizetype(length));
    std::free(bytes);
    return out;
}

std::mutex g_processCacheMutex;
std::map<QByteArray, std::weak_ptr<const CompiledDatabases>> g_processCache;

} // namespace

CompiledDatabases::~CompiledDatabases()
{
    hs_free_database(m_text);
    hs_free_database(m_confirm);
    hs_free_database(m_digits);
}

QString CompiledDatabases::cacheDirectory()
{
    QByteArray dir = qgetenv("PERIMETER_CLASSIFIER_CACHE");
    if (dir == "off" || dir == "0")
        return {};
    if (dir.isEmpty()) {
        const QByteArray xdg = qgetenv("XDG_CACHE_HOME");
        if (!xdg.isEmpty() && xdg.startsWith('/'))
            dir = xdg + "/perimeter";
        else if (const QByteArray home = qgetenv("HOME"); !home.isEmpty() && home.startsWith('/'))
            dir = home + "/.cache/perimeter";
        else
            return {};
    }
    if (!privateDirectory(dir)) {
        // create the parents as usual and the cache directory itself private; an existing
        // directory that is not ours or readable by others is not used
        const qsizetype slash = dir.lastIndexOf('/');
        if (slash > 0)
            QDir().mkpath(QString::fromLocal8Bit(dir.left(slash)));
        ::mkdir(dir.constData(), 0700);
        if (!privateDirectory(dir))
            return {};
    }
    return QString::fromLocal8Bit(dir);
}

void CompiledDatabases::computeConfirmFlags(const std::vector<Recognizer> &recognizers)
{
    m_needsConfirm.assign(recognizers.size(), false);
    for (size_t i = 0; i < recognizers.size(); ++i)
        m_needsConfirm[i] = inTextDatabase(recognizers, i) && recognizers[i].start == StartMode::Leftmost
            && m_widths[i].min != m_widths[i].max;
}

bool CompiledDatabases::inTextDatabase(const std::vector<Recognizer> &recognizers, size_t i) const
{
    return recognizers[i].scan == ScanMode::Text || (recognizers[i].scan == ScanMode::StartWindows && !m_startAutomata[i]);
}

void CompiledDatabases::buildAutomaton(const std::vector<Recognizer> &recognizers, Engines engines)
{
    if (engines == Engines::HyperscanOnly) {
        m_startAutomata.assign(recognizers.size(), nullptr);
        m_digitsInHyperscan.assign(recognizers.size(), false);
        for (size_t i = 0; i < recognizers.size(); ++i)
            m_digitsInHyperscan[i] = recognizers[i].scan == ScanMode::DigitWindows;
        return;
    }
    std::vector<AnchoredAutomaton::Pattern> patterns;
    std::vector<size_t> index;
    for (size_t i = 0; i < recognizers.size(); ++i) {
        if (recognizers[i].scan == ScanMode::DigitWindows) {
            patterns.push_back({unsigned(i), recognizers[i].pattern, recognizers[i].flags});
            index.push_back(i);
        }
    }
    m_startAutomata.assign(recognizers.size(), nullptr);
    for (size_t i = 0; i < recognizers.size(); ++i) {
        if (recognizers[i].scan != ScanMode::StartWindows || !recognizers[i].startWindows)
            continue;
        std::vector<size_t> outside;
        m_startAutomata[i] = AnchoredAutomaton::build({{unsigned(i), recognizers[i].pattern, recognizers[i].flags}}, outside);
    }
    m_digitsInHyperscan.assign(recognizers.size(), false);
    std::vector<size_t> rejected;
    if (!patterns.empty())
        m_automaton = AnchoredAutomaton::build(patterns, rejected);
    for (size_t r : rejected)
        m_digitsInHyperscan[index[r]] = true;
}

std::vector<std::string> CompiledDatabases::contextWords(const std::vector<Recognizer> &recognizers)
{
    std::vector<std::string> words;
    for (const auto &r : recognizers) {
        for (const auto &w : r.context) {
            if (w.empty())
                continue;
            std::string lw = w;
            for (char &ch : lw)
                if (ch >= 'A' && ch <= 'Z')
                    ch = char(ch - 'A' + 'a');
            if (std::find(words.begin(), words.end(), lw) == words.end())
                words.push_back(std::move(lw));
        }
    }
    return words;
}

Result<std::shared_ptr<CompiledDatabases>> CompiledDatabases::compile(const std::vector<Recognizer> &recognizers, Engines engines)
{
    std::shared_ptr<CompiledDatabases> self(new CompiledDatabases());
    self->m_widths.resize(recognizers.size());
    for (size_t i = 0; i < recognizers.size(); ++i) {
        hs_expr_info_t *info = nullptr;
        hs_compile_error_t *err = nullptr;
        if (hs_expression_info(recognizers[i].pattern.c_str(), recognizers[i].flags, &info, &err) != HS_SUCCESS) {
            const QString message = err && err->message ? QString::fromUtf8(err->message) : QStringLiteral("unknown error");
            hs_free_compile_error(err);
            return Error{QStringLiteral("classifier_error"),
                         QStringLiteral("pattern compilation failed: ") + recognizers[i].name + QStringLiteral(": ") + message};
        }
        self->m_widths[i] = Width{info->min_width, info->max_width};
        std::free(info);
    }
    self->buildAutomaton(recognizers, engines); // decides which patterns the text database holds
    self->computeConfirmFlags(recognizers);

    const auto build = [&](auto include, unsigned int extraFlags, hs_database_t **db) -> Status {
        std::vector<const char *> patterns;
        std::vector<unsigned int> flags;
        std::vector<unsigned int> ids;
        for (size_t i = 0; i < recognizers.size(); ++i) {
            if (!include(i))
                continue;
            patterns.push_back(recognizers[i].pattern.c_str());
            flags.push_back(recognizers[i].flags | extraFlags);
            ids.push_back(unsigned(i));
        }
        if (patterns.empty())
            return Ok{};
        hs_compile_error_t *err = nullptr;
        if (hs_compile_multi(patterns.data(), flags.data(), ids.data(), unsigned(patterns.size()), HS_MODE_BLOCK, nullptr, db, &err)
            == HS_SUCCESS)
            return Ok{};
        QString where;
        if (err && err->expression >= 0 && size_t(err->expression) < ids.size() && ids[size_t(err->expression)] < recognizers.size())
            where = recognizers[ids[size_t(err->expression)]].name + QStringLiteral(": ");
        const QString message = where + (err && err->message ? QString::fromUtf8(err->message) : QStringLiteral("unknown error"));
        hs_free_compile_error(err);
        return Error{QStringLiteral("classifier_error"), QStringLiteral("pattern compilation failed: ") + message};
    };
    const auto isText = [&](size_t i) { return self->inTextDatabase(recognizers, i); };
    const auto isConfirm = [&](size_t i) { return bool(self->m_needsConfirm[i]); };
    const auto isDigits = [&](size_t i) { return bool(self->m_digitsInHyperscan[i]); };
    if (auto s = build(isText, 0, &self->m_text); !s)
        return s.error();
    if (auto s = build(isConfirm, HS_FLAG_SOM_LEFTMOST, &self->m_confirm); !s)
        return s.error();
    if (auto s = build(isDigits, HS_FLAG_SOM_LEFTMOST, &self->m_digits); !s)
        return s.error();
    return self;
}

// Layout: magic, key (32), recognizer count, count x (min, max), three (length, database)
// blocks, SHA-256 of everything before it.
void CompiledDatabases::store(const QString &path, const QByteArray &key) const
{
    QByteArray out;
    out.append(kMagic, sizeof kMagic);
    out.append(key);
    putU64(out, m_widths.size());
    for (const auto &w : m_widths) {
        putU64(out, w.min);
        putU64(out, w.max);
    }
    for (hs_database_t *db : {m_text, m_confirm, m_digits}) {
        const QByteArray blob = serialize(db);
        if (db && blob.isEmpty())
            return;
        putU64(out, quint64(blob.size()));
        out.append(blob);
    }
    out.append(QCryptographicHash::hash(out, QCryptographicHash::Sha256));

    // written under a unique name and renamed, so concurrent builders never see a partial file
    QByteArray tmp = QFile::encodeName(path) + ".XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        return;
    qsizetype written = 0;
    while (written < out.size()) {
        const ssize_t n = ::write(fd, out.constData() + written, size_t(out.size() - written));
        if (n <= 0)
            break;
        written += n;
    }
    const bool ok = written == out.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(tmp.constData(), QFile::encodeName(path).constData()) != 0)
        ::unlink(tmp.constData());
}

std::shared_ptr<CompiledDatabases> CompiledDatabases::load(const QString &path, const QByteArray &key, size_t count)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return nullptr;
    struct stat st {};
    QByteArray in;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & 022) == 0
        && st.st_size > 0 && st.st_size < kMaxCacheFile) {
        in.resize(qsizetype(st.st_size));
        qsizetype got = 0;
        while (got < in.size()) {
            const ssize_t n = ::read(fd, in.data() + got, size_t(in.size() - got));
            if (n <= 0)
                break;
            got += n;
        }
        if (got != in.size())
            in.clear();
    }
    ::close(fd);
    const qsizetype headerLen = qsizetype(sizeof kMagic) + kDigestLen;
    if (in.size() < headerLen + kDigestLen || std::memcmp(in.constData(), kMagic, sizeof kMagic) != 0
        || in.mid(sizeof kMagic, kDigestLen) != key)
        return nullptr;
    const QByteArray body = QByteArray::fromRawData(in.constData(), in.size() - kDigestLen);
    if (QCryptographicHash::hash(body, QCryptographicHash::Sha256) != in.right(kDigestLen))
        return nullptr;

    std::shared_ptr<CompiledDatabases> self(new CompiledDatabases());
    qsizetype pos = headerLen;
    quint64 n = 0;
    if (!getU64(body, pos, n) || n != count)
        return nullptr;
    self->m_widths.resize(count);
    for (auto &w : self->m_widths) {
        quint64 lo = 0, hi = 0;
        if (!getU64(body, pos, lo) || !getU64(body, pos, hi) || lo > UINT_MAX || hi > UINT_MAX)
            return nullptr;
        w = Width{unsigned(lo), unsigned(hi)};
    }
    for (hs_database_t **db : {&self->m_text, &self->m_confirm, &self->m_digits}) {
        quint64 len = 0;
        if (!getU64(body, pos, len) || len > quint64(body.size() - pos))
            return nullptr;
        if (len > 0 && hs_deserialize_database(body.constData() + pos, size_t(len), db) != HS_SUCCESS)
            return nullptr;
        pos += qsizetype(len);
    }
    if (pos != body.size())
        return nullptr;
    self->m_origin = Origin::DiskCache;
    return self;
}

Result<std::shared_ptr<const CompiledDatabases>> CompiledDatabases::obtain(const std::vector<Recognizer> &recognizers, Engines engines)
{
    const QByteArray key = cacheKey(recognizers, engines);
    std::lock_guard lock(g_processCacheMutex); // one compilation per set even when policies load in parallel
    if (auto it = g_processCache.find(key); it != g_processCache.end()) {
        if (auto shared = it->second.lock())
            return shared;
    }
    const QString dir = cacheDirectory();
    const QString path = dir.isEmpty() ? QString() : dir + QStringLiteral("/classifier-") + QString::fromLatin1(key.toHex().left(40)) + QStringLiteral(".hsdb");
    std::shared_ptr<CompiledDatabases> dbs;
    if (!path.isEmpty()) {
        dbs = load(path, key, recognizers.size());
        if (dbs) {
            dbs->buildAutomaton(recognizers, engines); // deterministic: the same split as when stored
            dbs->computeConfirmFlags(recognizers);
        }
    }
    if (!dbs) {
        auto compiled = compile(recognizers, engines);
        if (!compiled)
            return compiled.error();
        dbs = compiled.value();
        if (!path.isEmpty())
            dbs->store(path, key);
    }
    std::shared_ptr<const CompiledDatabases> result = dbs;
    g_processCache[key] = result; // later policies with the same set share it without reading the disk
    return result;
}

} // namespace perimeter::classify
