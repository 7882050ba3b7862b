// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/pqlibrary.h"

#include <libpq-fe.h>

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>

namespace ddd::core::storage {

namespace {

struct Loaded
{
    void *handle = nullptr;
    QString error;
};

const Loaded &loaded()
{
    static const Loaded library = [] {
        Loaded result;
        result.handle = ::dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
        if (!result.handle)
            result.error = QString::fromLocal8Bit(::dlerror());
        return result;
    }();
    return library;
}

template<typename Function>
Function *real(const char *name)
{
    return reinterpret_cast<Function *>(PqLibrary::symbol(name));
}

} // namespace

bool PqLibrary::available()
{
    return loaded().handle != nullptr;
}

QString PqLibrary::loadError()
{
    return loaded().error;
}

void *PqLibrary::symbol(const char *name)
{
    void *address = available() ? ::dlsym(loaded().handle, name) : nullptr;
    if (!address) {
        std::fprintf(stderr, "ddd: libpq.so.5 has no %s\n", name);
        std::abort();
    }
    return address;
}

} // namespace ddd::core::storage

using ddd::core::storage::real;

// The functions the Pg* classes call, each resolved on its first call. Only
// reached after PgConnection::open() saw PqLibrary::available().
#define DDD_PQ(name) static auto *const target = real<decltype(name)>(#name)

extern "C" {

PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values, int expandDbname)
{
    DDD_PQ(PQconnectdbParams);
    return target(keywords, values, expandDbname);
}
void PQfinish(PGconn *conn) { DDD_PQ(PQfinish); target(conn); }
void PQreset(PGconn *conn) { DDD_PQ(PQreset); target(conn); }
ConnStatusType PQstatus(const PGconn *conn) { DDD_PQ(PQstatus); return target(conn); }
PGTransactionStatusType PQtransactionStatus(const PGconn *conn) { DDD_PQ(PQtransactionStatus); return target(conn); }
char *PQerrorMessage(const PGconn *conn) { DDD_PQ(PQerrorMessage); return target(conn); }
int PQsocket(const PGconn *conn) { DDD_PQ(PQsocket); return target(conn); }
int PQconsumeInput(PGconn *conn) { DDD_PQ(PQconsumeInput); return target(conn); }
PGnotify *PQnotifies(PGconn *conn) { DDD_PQ(PQnotifies); return target(conn); }
PQnoticeProcessor PQsetNoticeProcessor(PGconn *conn, PQnoticeProcessor proc, void *arg)
{
    DDD_PQ(PQsetNoticeProcessor);
    return target(conn, proc, arg);
}
char *PQescapeIdentifier(PGconn *conn, const char *str, size_t len)
{
    DDD_PQ(PQescapeIdentifier);
    return target(conn, str, len);
}
void PQfreemem(void *ptr) { DDD_PQ(PQfreemem); target(ptr); }
PGresult *PQexec(PGconn *conn, const char *query) { DDD_PQ(PQexec); return target(conn, query); }
PGresult *PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                       const char *const *paramValues, const int *paramLengths, const int *paramFormats,
                       int resultFormat)
{
    DDD_PQ(PQexecParams);
    return target(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat);
}
void PQclear(PGresult *res) { DDD_PQ(PQclear); target(res); }
ExecStatusType PQresultStatus(const PGresult *res) { DDD_PQ(PQresultStatus); return target(res); }
char *PQresultErrorMessage(const PGresult *res) { DDD_PQ(PQresultErrorMessage); return target(res); }
char *PQresultErrorField(const PGresult *res, int fieldcode) { DDD_PQ(PQresultErrorField); return target(res, fieldcode); }
char *PQcmdStatus(PGresult *res) { DDD_PQ(PQcmdStatus); return target(res); }
char *PQcmdTuples(PGresult *res) { DDD_PQ(PQcmdTuples); return target(res); }
int PQntuples(const PGresult *res) { DDD_PQ(PQntuples); return target(res); }
int PQnfields(const PGresult *res) { DDD_PQ(PQnfields); return target(res); }
char *PQfname(const PGresult *res, int field) { DDD_PQ(PQfname); return target(res, field); }
Oid PQftype(const PGresult *res, int field) { DDD_PQ(PQftype); return target(res, field); }
char *PQgetvalue(const PGresult *res, int row, int field) { DDD_PQ(PQgetvalue); return target(res, row, field); }
int PQgetlength(const PGresult *res, int row, int field) { DDD_PQ(PQgetlength); return target(res, row, field); }
int PQgetisnull(const PGresult *res, int row, int field) { DDD_PQ(PQgetisnull); return target(res, row, field); }

} // extern "C"
