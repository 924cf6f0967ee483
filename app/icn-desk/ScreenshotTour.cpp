#include "ScreenshotTour.h"

#include "MainWindow.h"
#include "QuickSearch.h"
#include "Theme.h"
#include "PageRegistry.h"
#include "pages/MarketplacePage.h"
#include "wizards/BookingWizard.h"
#include "wizards/BookingPasswordPage.h"
#include "wizards/BookingRequestPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QWidget>

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
    auto *request = static_cast<ui::BookingRequestPage *>(wizard->currentPage());
    request->sizeEdit()->setText(QStringLiteral("700"));
    settle(400);
    save(wizard, QStringLiteral("wizard-2-request"));
    request->findChild<QCheckBox *>(QStringLiteral("explainCheck"))->setChecked(true);
    wizard->next();
    save(wizard, QStringLiteral("wizard-3-why-not"));
    wizard->next();
    save(wizard, QStringLiteral("wizard-4-review"));
    wizard->next();
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
