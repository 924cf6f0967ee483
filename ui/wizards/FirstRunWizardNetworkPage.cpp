#include "FirstRunWizardNetworkPage.h"

#include "WalletWizard.h"
#include "WalletWizardState.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QWizard>
#include <QtConcurrent/QtConcurrentRun>

namespace icn::ui {

FirstRunWizardNetworkPage::FirstRunWizardNetworkPage(WalletWizardState *state, QWidget *parent)
    : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Choose a network"));
    setSubTitle(tr("ICN Desk runs the marketplace rules on a local mirror of a network."));
    m_demo = new QRadioButton(tr("Open the &demo network (recommended)"), this);
    auto *demoNote = new QLabel(tr("Regions, clusters and hardware nodes with realistic prices and capacity, "
                                   "ready to explore. Nothing you do there touches real ICNT."),
                                this);
    demoNote->setWordWrap(true);
    demoNote->setIndent(24);
    m_snapshot = new QRadioButton(tr("&Import a network snapshot"), this);
    m_demo->setChecked(true);
    registerField(QStringLiteral("demoNetwork"), m_demo);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("snapshotPath"));
    m_path->setPlaceholderText(tr("Snapshot file (.json)"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->setContentsMargins(24, 0, 0, 0);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("validationBusy"));
    m_busy->setRange(0, 0); // busy, no percentage
    m_busy->setFormat(tr("Checking the snapshot…"));
    m_busy->setTextVisible(true);
    m_busy->hide();

    connect(&m_watcher, &QFutureWatcher<Result<void>>::finished, this, &FirstRunWizardNetworkPage::validationFinished);
    connect(m_path, &QLineEdit::textChanged, this, [this] { m_validPath.clear(); });
    connect(m_browse, &QPushButton::clicked, this, &FirstRunWizardNetworkPage::browse);
    connect(m_snapshot, &QRadioButton::toggled, this, &FirstRunWizardNetworkPage::updateEnabled);
    connect(m_path, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_demo);
    layout->addWidget(demoNote);
    layout->addSpacing(8);
    layout->addWidget(m_snapshot);
    layout->addLayout(pathRow);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addStretch(1);
    updateEnabled();
}

FirstRunWizardNetworkPage::~FirstRunWizardNetworkPage()
{
    m_watcher.waitForFinished();
}

void FirstRunWizardNetworkPage::updateEnabled()
{
    const bool validating = m_validating;
    m_demo->setEnabled(!validating);
    m_snapshot->setEnabled(!validating);
    m_path->setEnabled(m_snapshot->isChecked() && !validating);
    m_browse->setEnabled(m_snapshot->isChecked() && !validating);
    m_busy->setVisible(validating);
    emit completeChanged();
}

void FirstRunWizardNetworkPage::browse()
{
    const QString file = m_state->seams.openFile(this, tr("Open network snapshot"),
                                                 tr("Network snapshots (*.json);;All files (*)"));
    if (!file.isEmpty())
        m_path->setText(file);
}

bool FirstRunWizardNetworkPage::isComplete() const
{
    if (m_validating)
        return false; // Next waits for the check
    return m_demo->isChecked() || !m_path->text().trimmed().isEmpty();
}

bool FirstRunWizardNetworkPage::validatePage()
{
    if (m_snapshot->isChecked()) {
        const QFileInfo info(m_path->text().trimmed());
        if (!info.isFile() || !info.isReadable()) {
            m_error->setText(tr("Cannot read the snapshot file “%1”.").arg(m_path->text().trimmed()));
            m_error->show();
            return false;
        }
        if (m_validator && m_validPath != info.filePath()) {
            // Parsing and the engine's genesis checks take a while for a big network: a worker
            // does them; the page stays (Next is disabled) until it answers.
            if (!m_validating) {
                m_validating = true;
                m_error->hide();
                m_validatingPath = info.filePath();
                m_watcher.setFuture(QtConcurrent::run([validator = m_validator, path = m_validatingPath] { return validator(path); }));
                updateEnabled();
            }
            return false;
        }
    }
    m_error->hide();
    return true;
}

void FirstRunWizardNetworkPage::validationFinished()
{
    const Result<void> checked = m_watcher.future().resultCount() > 0
        ? m_watcher.result()
        : Result<void>(Error::make(QStringLiteral("snapshot.unreadable"), tr("The check stopped without an answer.")));
    m_validating = false;
    updateEnabled();
    if (!checked) {
        m_error->setText(tr("This snapshot cannot be used: %1 [%2]\nFix the file or choose another one.")
                             .arg(checked.error().message, checked.error().code));
        m_error->show();
        return;
    }
    // The file may have been changed in the path field meanwhile: only that one passed.
    if (m_validatingPath != QFileInfo(m_path->text().trimmed()).filePath())
        return;
    m_validPath = m_validatingPath;
    if (wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

int FirstRunWizardNetworkPage::nextId() const
{
    return WalletWizard::Page_Choose;
}

FirstRunRequest::Network FirstRunWizardNetworkPage::network() const
{
    return m_demo->isChecked() ? FirstRunRequest::Network::Demo : FirstRunRequest::Network::Snapshot;
}

QString FirstRunWizardNetworkPage::snapshotPath() const
{
    return m_snapshot->isChecked() ? m_path->text().trimmed() : QString();
}

QString FirstRunWizardNetworkPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace icn::ui
