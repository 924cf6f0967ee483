#pragma once

#include "Address.h"
#include "DialogSeams.h"
#include "Result.h"
#include "UInt256.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace icn::ui {

class WalletService;

// Signs an ICNT (ERC-20) transfer on Base offline: an EIP-1559 transaction for chain 8453 to the
// ICNT contract. Nothing is broadcast; the raw transaction is shown, copied or saved for a node or
// block explorer to send. Fees are typed in gwei (up to 9 decimals, exact).
class SignBaseTransferDialog : public QDialog
{
    Q_OBJECT

public:
    SignBaseTransferDialog(WalletService *wallet, const Address &from, QWidget *parent = nullptr);

    void setSeams(DialogSeams seams) { m_seams = std::move(seams); }

    // Exact gwei text ("0.05", locale-aware) to wei; "transfer.bad_fee" otherwise.
    static Result<UInt256> parseGwei(const QString &text, const QLocale &locale);

    QLineEdit *toEdit() const { return m_to; }
    QLineEdit *amountEdit() const { return m_amount; }
    QLineEdit *nonceEdit() const { return m_nonce; }
    QLineEdit *maxFeeEdit() const { return m_maxFee; }
    QLineEdit *priorityFeeEdit() const { return m_priorityFee; }
    QLineEdit *gasLimitEdit() const { return m_gasLimit; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *signButton() const { return m_sign; }
    QString rawTransaction() const; // "0x02…", empty until signed
    QString transactionHash() const;
    QString errorText() const;

private slots:
    void sign();
    void copyRaw();
    void saveRaw();
    void clearOutput();

private:
    void showError(const QString &message);
    void setBusy(bool busy);

    QPointer<WalletService> m_wallet;
    Address m_from;
    DialogSeams m_seams = DialogSeams::system();
    QLineEdit *m_to = nullptr;
    QLineEdit *m_amount = nullptr;
    QLineEdit *m_nonce = nullptr;
    QLineEdit *m_maxFee = nullptr;
    QLineEdit *m_priorityFee = nullptr;
    QLineEdit *m_gasLimit = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_sign = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_save = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QLineEdit *m_hash = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_busy = nullptr;
};

} // namespace icn::ui
