#pragma once

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace icn::ui {

class MnemonicWordGrid;
class WalletService;

// Shows the wallet's recovery phrase after the password was typed again. The words disappear when
// the dialog closes or after two minutes, whichever comes first.
class RevealMnemonicDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kShowSeconds = 120;

    explicit RevealMnemonicDialog(WalletService *wallet, QWidget *parent = nullptr);
    ~RevealMnemonicDialog() override;

    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *revealButton() const { return m_reveal; }
    MnemonicWordGrid *grid() const { return m_grid; }
    QString errorText() const;

public slots:
    void done(int result) override;

private slots:
    void reveal();
    void hideWords();

private:
    QPointer<WalletService> m_wallet;
    QLineEdit *m_password = nullptr;
    QPushButton *m_reveal = nullptr;
    MnemonicWordGrid *m_grid = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_busy = nullptr;
    QTimer m_hideTimer;
};

} // namespace icn::ui
