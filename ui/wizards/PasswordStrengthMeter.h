#pragma once

#include <QStringView>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace icn::ui {

// A bar and a word that follow a password as it is typed. The estimate is deliberately simple
// (length, character classes, a few notorious passwords): it nudges, it does not certify.
class PasswordStrengthMeter : public QWidget
{
    Q_OBJECT

public:
    enum Strength { TooWeak = 0, Weak, Fair, Good, Strong };
    Q_ENUM(Strength)

    static constexpr Strength kMinimumAccepted = Fair;

    explicit PasswordStrengthMeter(QWidget *parent = nullptr);

    static Strength estimate(QStringView password);
    static QString describe(Strength strength);

    Strength strength() const { return m_strength; }
    QString text() const;

public slots:
    void setPassword(const QString &password);

signals:
    void strengthChanged(icn::ui::PasswordStrengthMeter::Strength strength);

private:
    void display(Strength strength);

    Strength m_strength = TooWeak;
    QProgressBar *m_bar = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace icn::ui
