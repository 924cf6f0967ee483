#include "PasswordStrengthMeter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <algorithm>

namespace icn::ui {

PasswordStrengthMeter::PasswordStrengthMeter(QWidget *parent) : QWidget(parent)
{
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, Strong);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(10);
    m_bar->setAccessibleName(tr("Password strength"));
    m_label = new QLabel(this);
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(describe(TooWeak)) + 8);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_label);
    display(TooWeak);
}

PasswordStrengthMeter::Strength PasswordStrengthMeter::estimate(QStringView password)
{
    static const QStringView notorious[] = {u"password", u"12345678", u"123456789", u"qwertyui", u"iloveyou",
                                            u"11111111", u"abcdefgh", u"letmein1", u"password1"};
    if (password.size() < 8)
        return TooWeak;
    for (QStringView bad : notorious)
        if (password.compare(bad, Qt::CaseInsensitive) == 0)
            return TooWeak;
    bool lower = false, upper = false, digit = false, other = false;
    int distinct = 0;
    QString seen;
    for (QChar c : password) {
        lower |= c.isLower();
        upper |= c.isUpper();
        digit |= c.isDigit();
        other |= !c.isLetterOrNumber();
        if (!seen.contains(c)) {
            seen.append(c);
            ++distinct;
        }
    }
    if (distinct < 4)
        return TooWeak;
    const int classes = int(lower) + int(upper) + int(digit) + int(other);
    int score = password.size() >= 20 ? 3 : password.size() >= 14 ? 2 : 1;
    if (classes >= 3)
        ++score;
    if (classes == 1 && password.size() < 14)
        --score;
    return static_cast<Strength>(std::clamp(score, int(Weak), int(Strong)));
}

QString PasswordStrengthMeter::describe(Strength strength)
{
    switch (strength) {
    case TooWeak: return tr("Too weak");
    case Weak: return tr("Weak");
    case Fair: return tr("Fair");
    case Good: return tr("Good");
    case Strong: return tr("Strong");
    }
    return {};
}

QString PasswordStrengthMeter::text() const
{
    return m_label->text();
}

void PasswordStrengthMeter::setPassword(const QString &password)
{
    const Strength strength = password.isEmpty() ? TooWeak : estimate(password);
    const bool changed = strength != m_strength;
    display(strength);
    if (changed)
        emit strengthChanged(strength);
}

void PasswordStrengthMeter::display(Strength strength)
{
    m_strength = strength;
    m_bar->setValue(int(strength));
    m_label->setText(describe(strength));
    // Colour only reinforces the word; it is never the only signal.
    static const char *colours[] = {"#c0392b", "#d35400", "#b7950b", "#27ae60", "#1e8449"};
    m_bar->setStyleSheet(QStringLiteral("QProgressBar::chunk { background: %1; }").arg(QLatin1String(colours[strength])));
}

} // namespace icn::ui
