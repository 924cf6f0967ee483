#include "WalletWizardShowMnemonicPage.h"

#include "MnemonicWordGrid.h"
#include "WalletWizard.h"
#include "WalletWizardState.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace icn::ui {

WalletWizardShowMnemonicPage::WalletWizardShowMnemonicPage(WalletWizardState *state, QWidget *parent)
    : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Write down your recovery phrase"));
    setSubTitle(tr("These 24 words are the only way to restore your wallet. Write them on paper in this "
                   "order and keep them offline. Anyone who has them controls your ICNT."));
    m_grid = new MnemonicWordGrid(this);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();
    m_writtenDown = new QCheckBox(tr("I have &written down all 24 words in order"), this);
    registerField(QStringLiteral("mnemonicWrittenDown*"), m_writtenDown);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_grid);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_writtenDown);
}

void WalletWizardShowMnemonicPage::initializePage()
{
    // Keep the phrase when the user comes back through the choice page: it may be on paper already.
    if (m_state->generatedMnemonic.isEmpty()) {
        auto generated = m_state->generateMnemonic();
        if (!generated) {
            m_error->setText(tr("Could not create a recovery phrase: %1").arg(generated.error().message));
            m_error->show();
            return;
        }
        m_state->generatedMnemonic = std::move(generated).value();
    }
    m_error->hide();
    connect(wizard(), &QWizard::currentIdChanged, this, &WalletWizardShowMnemonicPage::onCurrentIdChanged,
            Qt::UniqueConnection);
    connect(wizard(), &QDialog::finished, m_grid, &MnemonicWordGrid::clear, Qt::UniqueConnection); // Cancel, Finish
    m_grid->setMnemonic(m_state->generatedMnemonic);
}

void WalletWizardShowMnemonicPage::onCurrentIdChanged(int id)
{
    if (id == WalletWizard::Page_ShowMnemonic && !m_state->generatedMnemonic.isEmpty())
        m_grid->setMnemonic(m_state->generatedMnemonic);
    else
        m_grid->clear();
}

int WalletWizardShowMnemonicPage::nextId() const
{
    return WalletWizard::Page_ConfirmMnemonic;
}

} // namespace icn::ui
