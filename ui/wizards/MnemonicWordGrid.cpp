#include "MnemonicWordGrid.h"

#include "service/SecretInput.h"

#include <QGridLayout>
#include <QLabel>

namespace icn::ui {

namespace {
constexpr int kMaxWords = 24;
constexpr int kColumns = 4;
} // namespace

MnemonicWordGrid::MnemonicWordGrid(QWidget *parent) : QWidget(parent)
{
    m_layout = new QGridLayout(this);
    m_layout->setHorizontalSpacing(18);
    m_layout->setVerticalSpacing(6);
    QFont mono = font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    for (int i = 0; i < kMaxWords; ++i) {
        auto *label = new QLabel(this);
        label->setTextInteractionFlags(Qt::NoTextInteraction);
        label->setFont(mono);
        label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("24. abandon  ")));
        label->setFrameShape(QFrame::StyledPanel);
        label->setContentsMargins(6, 3, 6, 3);
        label->setMinimumHeight(label->fontMetrics().height() + 12);
        label->hide();
        // Words run down the columns, as people copy them onto paper.
        m_layout->addWidget(label, i % (kMaxWords / kColumns), i / (kMaxWords / kColumns));
        m_labels.append(label);
    }
}

MnemonicWordGrid::~MnemonicWordGrid()
{
    clear();
}

void MnemonicWordGrid::setMnemonic(const SecureBytes &mnemonic)
{
    clear();
    QString text = QString::fromUtf8(mnemonic.view());
    const QList<QStringView> words = QStringView(text).split(u' ', Qt::SkipEmptyParts);
    const int count = int(qMin(words.size(), qsizetype(kMaxWords)));
    const int rows = (count + kColumns - 1) / kColumns;
    for (int i = 0; i < kMaxWords; ++i)
        m_layout->removeWidget(m_labels[i]);
    for (int i = 0; i < count; ++i) {
        QLabel *label = m_labels[i];
        label->setText(QStringLiteral("%1. %2").arg(i + 1, 2).arg(words[i]));
        m_layout->addWidget(label, i % rows, i / rows);
        label->show();
    }
    m_shown = count;
    wipeString(text);
}

void MnemonicWordGrid::clear()
{
    for (QLabel *label : std::as_const(m_labels)) {
        label->clear();
        label->hide();
    }
    m_shown = 0;
}

} // namespace icn::ui
