// Helper of tst_market's crash-safety test: applies bookings to the mirror in DATA_DIR in a loop
// and prints "ack SEQ BOOKING_ID" after each one whose commit returned, until it is killed.
#include "DemoNetwork.h"
#include "Market.h"

#include <QCoreApplication>

#include <cstdio>

using namespace icn;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: market_crash_child DATA_DIR\n");
        return 2;
    }
    auto market = Market::open(QString::fromLocal8Bit(argv[1]));
    if (!market) {
        std::fprintf(stderr, "open: %s\n", qPrintable(market.error().message));
        return 1;
    }
    const Address sp = *Address::parse(DemoNetwork::demoSpAddress());
    QStringList scopes;
    for (const Cluster &c : market->engine().genesis().clusters)
        scopes.append(c.id);
    std::printf("ready %llu\n", static_cast<unsigned long long>(market->engine().appliedCount()));
    std::fflush(stdout);
    for (quint64 i = 0;; ++i) {
        const Engine &e = market->engine();
        if (e.balance(sp) < Amount::fromIcnt(1'000) && !market->submit(FaucetTx{sp, Amount::fromIcnt(100'000)}))
            return 1;
        const QuoteRequest request{scopes[qsizetype(i % quint64(scopes.size()))], qint64(1 + i % 3), e.currentMonth().plus(1), 3};
        const auto q = e.quote(request);
        if (!q) {
            // Out of capacity for this month: move the clock on.
            const auto closed = market->submit(CloseMonthTx{e.currentMonth()});
            if (!closed)
                return 1;
            continue;
        }
        BookTx b;
        b.sp = sp;
        b.scope = request.scopeId;
        b.sizeTb = request.sizeTb;
        b.startMonth = request.start;
        b.months = request.months;
        b.quotedTotal = q->total;
        b.nonce = e.nextNonce(sp);
        b.deadline = e.currentMonth();
        b.unsignedLocal = true;
        const auto receipt = market->submit(b);
        if (!receipt) {
            std::fprintf(stderr, "refused: %s\n", qPrintable(receipt.error().message));
            return 1;
        }
        std::printf("ack %llu %llu\n", static_cast<unsigned long long>(receipt->sequence),
                    static_cast<unsigned long long>(receipt->bookingId));
        std::fflush(stdout);
    }
}
