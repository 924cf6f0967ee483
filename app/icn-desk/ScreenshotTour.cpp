#include "ScreenshotTour.h"

#include "AppController.h"
#include "MainWindow.h"
#include "QuickSearch.h"
#include "Theme.h"
#include "PageRegistry.h"
#include "pages/MarketplacePage.h"
#include "wizards/BookingWizard.h"
#include "wizards/BookingPasswordPage.h"
#include "wizards/BookingRequestPage.h"
#include "service/MarketService.h"
#include "service/WalletRequest.h"
#include "service/WalletService.h"

#include "DemoNetwork.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QSet>
#include <QWidget>

#include <cstdio>

namespace icn::app {

namespace {

// Lets layouts, debounced quotes and workers settle before a grab.
void settle(int ms = 250)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

QString prepareDemoAccount(ui::AppController &controller, const QString &password)
{
    ui::WalletService *wallet = controller.wallet();
    ui::MarketService *market = controller.market();
    ui::MainWindow *window = controller.window();
    if (!wallet || !market || !window)
        return QStringLiteral("no wallet, market or window");
    if (!wallet->hasAccounts()) {
        ui::WalletRequest request;
        request.kind = ui::WalletRequest::Kind::Demo;
        request.label = QStringLiteral("Demo SP");
        request.mnemonic = SecureBytes(QByteArrayView("abandon abandon abandon abandon abandon abandon abandon abandon "
                                                      "abandon abandon abandon about"));
        request.password = SecureBytes(password.toUtf8());
        bool done = false;
        QString failed;
        wallet->submit(std::move(request), wallet, [&](Result<Address> r) {
            done = true;
            if (!r)
                failed = r.error().toString();
        });
        while (!done)
            QApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!failed.isEmpty())
            return failed;
    }
    const ui::WalletAccount account = wallet->accounts().front();
    window->setActiveAccount(account.address, account.label);
    if (!market->bookings(account.address).isEmpty())
        return {};
    const Result<SecureBytes> key = wallet->unlock(account.address, SecureBytes(password.toUtf8()));
    if (!key)
        return key.error().toString();
    // Three pending bookings (they start next month at the earliest), in different zones.
    const Month now = market->currentMonth();
    const struct { qint32 startOffset; qint64 sizeTb; qint32 months; } plan[] = {{1, 40, 6}, {1, 120, 3}, {2, 25, 12}};
    int made = 0;
    QSet<QString> usedParents;
    for (const auto &p : plan) {
        const MonthRange range{now.plus(p.startOffset), p.months};
        for (const ui::ScopeNode &n : market->scopeTree(range)) {
            if (n.kind != ui::ScopeKind::Cluster || n.freeTb < p.sizeTb * 2 || usedParents.contains(n.parentId))
                continue;
            const Result<ui::QuoteResult> q = market->quote(n.id, p.sizeTb, range);
            if (!q)
                continue;
            if (market->book({account.address, n.id, p.sizeTb, range, q->total}, *key)) {
                usedParents.insert(n.parentId);
                ++made;
                break;
            }
        }
    }
    settle();
    return made > 0 ? QString() : QStringLiteral("no booking could be made");
}

QStringList takeScreenshots(ui::MainWindow &window, const QString &dir, const QString &password)
{
    QDir().mkpath(dir);
    QStringList written;
    const auto save = [&](QWidget *w, const QString &name) {
        settle();
        const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
        if (w->grab().save(path))
            written << path;
    };

    window.resize(1440, 900);
    window.show();
    for (int i = 0; i < window.sidebar()->count(); ++i) {
        const QString id = window.sidebar()->item(i)->data(Qt::UserRole).toString();
        window.showPage(id);
        save(&window, QStringLiteral("page-%1").arg(id));
    }

    window.showPage(QStringLiteral("marketplace"));
    auto *market = qobject_cast<ui::MarketplacePage *>(window.page(QStringLiteral("marketplace")));
    if (!market)
        return written;
    market->selectScope(QStringLiteral("FRA-1-N02"));
    save(&window, QStringLiteral("marketplace-node"));
    market->selectScope(QStringLiteral("EUW-FRA"));
    market->setColourByUtilisation(true);
    save(&window, QStringLiteral("marketplace-zone-utilisation"));
    market->setColourByUtilisation(false);

    window.openQuickSearch();
    window.quickSearch()->lineEdit()->setText(QStringLiteral("fra"));
    settle();
    QPixmap shot = window.grab();
    // Popups are separate windows: paint the search where popup() placed it, centred near the top.
    window.quickSearch()->render(&shot, QPoint((window.width() - window.quickSearch()->width()) / 2, 60));
    if (shot.save(QDir(dir).filePath(QStringLiteral("quick-search.png"))))
        written << QDir(dir).filePath(QStringLiteral("quick-search.png"));
    window.quickSearch()->hide();

    // The booking wizard, step by step.
    market->selectScope(QStringLiteral("EUW-FRA"));
    ui::BookingWizard *wizard = market->openBookingWizard();
    if (!wizard)
        return written;
    save(wizard, QStringLiteral("wizard-1-scope"));
    wizard->next();
    if (wizard->currentId() != ui::BookingWizard::RequestPageId)
        return written;
    auto *request = static_cast<ui::BookingRequestPage *>(wizard->currentPage());
    // The largest of these sizes the zone can still serve over the range: big enough that some
    // clusters are left out (the "why not" step has something to say), small enough to be quoted
    // on a market with a year of bookings behind it.
    for (const char *size : {"700", "400", "250", "150", "80", "40", "10"}) {
        request->sizeEdit()->setText(QString::fromLatin1(size));
        settle(400);
        if (wizard->quote() && wizard->quote()->ok())
            break;
    }
    save(wizard, QStringLiteral("wizard-2-request"));
    request->findChild<QCheckBox *>(QStringLiteral("explainCheck"))->setChecked(true);
    wizard->next();
    save(wizard, QStringLiteral("wizard-3-why-not"));
    wizard->next();
    save(wizard, QStringLiteral("wizard-4-review"));
    wizard->next();
    if (wizard->currentId() != ui::BookingWizard::PasswordPageId) {
        std::fprintf(stderr, "the booking wizard stopped before signing (page %d)\n", wizard->currentId());
        return written;
    }
    auto *sign = static_cast<ui::BookingPasswordPage *>(wizard->currentPage());
    sign->passwordEdit()->setText(QStringLiteral("wrong password"));
    wizard->next();
    settle(600);
    save(wizard, QStringLiteral("wizard-5-wrong-password"));
    sign->passwordEdit()->setText(password);
    wizard->next();
    settle(600);
    save(wizard, QStringLiteral("wizard-6-result"));
    wizard->close();
    settle();

    window.showPage(QStringLiteral("marketplace"));
    ui::applyTheme(ui::Theme::Dark);
    save(&window, QStringLiteral("marketplace-dark"));
    ui::applyTheme(ui::Theme::Light);
    return written;
}

} // namespace icn::app
